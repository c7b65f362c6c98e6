import { isCancelRequest, isHumanRequest } from '../../src/engine/intents';

describe('"Human" intent', () => {
  it.each([
    'Human',
    'human',
    'HUMAN',
    '/human',
    'Human.',
    'human!',
    'agent',
    'talk to a human',
    'I want to speak to a real person',
    'can i talk to someone',
    'get me a human please',
    'live agent',
    'human please',
  ])('"%s" asks for a person', (text) => {
    expect(isHumanRequest(text)).toBe(true);
  });

  it.each([
    'the human resources page is broken',
    'my agent config fails',
    'humane',
    'what is a SIP agent?',
    'hello',
  ])('"%s" does not', (text) => {
    expect(isHumanRequest(text)).toBe(false);
  });

  it('recognises a waiting customer going back to the bot', () => {
    expect(isCancelRequest('cancel')).toBe(true);
    expect(isCancelRequest('Never mind')).toBe(true);
    expect(isCancelRequest('cancel my account please')).toBe(false);
  });
});

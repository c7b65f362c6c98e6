import { done, type Flow } from '../src/engine/flow';

/** Insults aimed at the team, and swearing at someone. Frustration with a broken system is not abuse. */
const ABUSE = [
  /\b(fuck|f\*+k|fck|screw) (you|u|off|yourselves|yourself)\b/i,
  /\byou('re| are)? ?(\w+ )?(idiots?|morons?|imbeciles?|clowns?|retards?|bastards?|wankers?|assholes?|scum|incompetent|pathetic|useless)\b/i,
  /\b(useless|incompetent|stupid|fucking|bloody) (idiots|morons|clowns|people|team|bastards|muppets|amateurs)\b/i,
  /\b(piece of shit|go to hell|shut up|son of a bitch|get lost)\b/i,
];
/** Threats and intimidation. */
const THREAT = [
  /\bi('ll| will| am going to|'m going to|'m gonna| gonna) (kill|hurt|destroy|find|come for|ruin|get|beat) (you|u|your|all of you)\b/i,
  /\byou('ll| will) (regret|pay for) (this|it)\b/i,
  /\b(i know where you (live|work)|watch your back|you('d| had) better watch)\b/i,
];

/** Whether a message is abusive or threatening. */
export function isAbusive(text: string): boolean {
  return [...ABUSE, ...THREAT].some((pattern) => pattern.test(text));
}

/**
 * The policy does not tolerate rudeness, intimidation or threats. The first abusive message gets
 * one calm warning (and whatever the customer was doing goes on); a repeat flags the conversation
 * for an agent, who may end it.
 */
export const respectfulCommunication: Flow = {
  id: 'respectful-communication',
  interrupts: true,
  matches: (text) => isAbusive(text),
  async run(context) {
    const warned = Number(context.conversation.memory?.abuseWarnings ?? 0);
    await context.update((c) => ({
      ...c,
      memory: { ...c.memory, abuseWarnings: warned + 1, lastAbuseAt: context.now() },
      ...(warned >= 1 && { tags: [...new Set([...(c.tags ?? []), 'abusive'])] }),
    }));
    await context.store.appendRecord('abuse', {
      conversationId: context.conversation.id,
      text: context.text.slice(0, 500),
      warning: warned + 1,
      at: context.now(),
    });
    if (warned === 0) {
      await context.say(
        'I understand this is frustrating, and we want to fix it. Please keep the conversation respectful: we do not accept insults, intimidation or threats. Tell me what is going wrong and I will help.',
      );
      return done;
    }
    await context.say(
      'I asked you to keep this respectful. I am passing this conversation to a member of our team, who will decide how to continue; they may end it.',
    );
    await context.handoff(
      'Repeated abusive or threatening messages after a warning: an agent may end the conversation',
    );
    return done;
  },
};

/**
 * What the bot says, in English: the reference catalog every other language follows key by key.
 * Placeholders are i18next's `{{name}}`; the texts are plain text, never HTML.
 */
export const botEn = {
  greeting: {
    web: 'Hi! I am the support bot. Ask me about the product, tell me about a problem, or type "Human" to reach a person.',
    smallTalk:
      'Hi! I am the support bot. I can answer questions from our documentation, help you report a problem (so the team gets everything it needs), and tell you our support hours and contacts. Type "Human" at any time to reach a person.',
    thanks: 'You are welcome! Anything else I can help with? Type "Human" any time to reach a person.',
    goodbye: 'Goodbye! If anything else comes up, just write here.',
    solved: 'Great, glad that is sorted. Anything else, just ask.',
    affirm: 'OK. What can I help you with? Ask me a question, report a problem, or type "Human".',
    deny: 'All right. Is there anything else I can help with?',
    notSolved:
      'Sorry that did not help. I can take a problem report for the team, or connect you with a person.',
  },
  menu: {
    report: 'Report a problem',
    hours: 'Support hours',
    human: 'Talk to a human',
    person: 'Talk to a person',
  },
  handoff: {
    online:
      'I am alerting our support staff now; the first person available will reply here. You can keep adding details meanwhile. Type "cancel" to go back to the bot.',
    offline:
      'I have alerted our support staff, but nobody is signed in to the chat right now. Your conversation is in the queue and the first person to sign in will reply here. Type "cancel" to go back to the bot.',
    ticket: 'Your ticket is {{ticketId}}. ',
    backSms: 'Reply "never mind" to go back to the bot.',
    back: 'Type "cancel" to go back to the bot.',
    notice:
      '{{ticket}}I am alerting our support team now. {{expectation}} You can keep adding details here meanwhile. {{back}}',
    summary: '{{ticket}}Alerting our support team. {{expectation}}',
  },
  expectation: {
    paid: 'You accepted paid escalation, so your report is flagged for the on-call engineer at any hour.',
    aroundTheClock: '{{category}} {{severity}} issues are handled around the clock.',
    aroundTheClockSuggested:
      '{{category}} {{severity}} issues are handled around the clock (from what you described; the team will confirm the severity).',
    topOfQueueOnline: 'Someone is signed in now and your report is at the top of their queue.',
    topOfQueueOffline:
      'Nobody is signed in to the chat at this moment; your report is at the top of the queue for the first person who is.',
    outage:
      ' During an outage the team is busy fixing it, so please follow {{statusPage}} for updates and expect short replies.',
    openOnline: 'Someone from the team is signed in and will reply here as soon as they can.',
    openOffline:
      'It is within our support hours ({{hours}}), but nobody is signed in to the chat right now. The first person to sign in will reply here.',
    closed:
      'We handle this kind of issue during support hours, {{hours}}, and it is now {{now}}. Expect a reply from {{opens}}. {{bestEffort}}',
    bestEffortOnline: 'Someone is signed in right now and may answer sooner, as a best effort.',
    bestEffortOffline:
      'Nobody is signed in right now; we answer outside these hours only when someone is available.',
    platform: 'Platform',
    operational: 'Operational',
  },
  report: {
    describe:
      'I will help you report it. What is going wrong? Please describe one problem; if you have several, we file them one at a time.',
    followIncident:
      'Thank you for checking. Please follow {{statusPage}} for updates; if the problem stays after the incident is resolved, tell me and I will file a report.',
    docsSolved: 'Great, glad the docs sorted it out. Anything else, just ask.',
    categoryOpen: 'No problem: I will leave the category open and the team will set it.',
    noImage:
      'I did not receive an image or a video. Please attach the screenshot or screen recording, or type "skip".',
    observed:
      'Now please describe exactly what you observe: error codes or SIP responses, what callers hear, which numbers, routes or pages are affected and which are not. Facts only here; I will ask what you suspect next.',
    suspected:
      'Do you suspect a cause you have not confirmed yet? Tell me, and the team will treat it as a lead rather than a fact. Reply "no idea" if not.',
    noIdea: 'No idea',
    statusPageFirst:
      "First step: known outages are posted on our status page, {{statusPage}}. If your problem is listed there, the team already knows; otherwise let's go on.",
    screenshot:
      'For an interface problem, a short screen recording (MP4, WebM or MOV video) shows us best what happens; a screenshot helps too. Please attach one (the paperclip in the web chat, a photo or video on Telegram, a picture message by SMS), or type "skip".',
    skip: 'Skip',
    cameBack: 'When did it come back? (for example "today around 14:00 UTC")',
    started: 'When did it start? (for example "today around 14:00 UTC" or "since yesterday\'s change")',
    tried: 'What have you tried so far to isolate or fix it?',
    escalationOffer:
      'It is outside our support hours ({{hours}}) and this is a {{severity}}, so it will be handled when support opens. If it is critical for your business right now, you can escalate it to the on-call engineer as paid support: {{price}}. To escalate, reply "I agree to pay for escalation". Otherwise reply "No".',
    escalate: 'Escalate, I agree to pay',
    waitForHours: 'No, wait for support hours',
    categoryGuess: 'From what you describe it sounds {{category}}, but please confirm. ',
    categoryQuestion:
      '{{guess}}Which category is it?\n• Platform: {{platform}}.\n• Operational: {{operational}}.\nNot sure? Say so and the team will classify it.',
    categorySummary:
      'Is it a Platform problem (our system itself) or Operational (your configuration)? Reply Platform, Operational or Not sure.',
    platform: 'Platform',
    operational: 'Operational',
    notSure: 'Not sure',
    severityGuess:
      'From what you describe, this sounds like {{severity}} ({{label}}); please confirm or pick another. ',
    severityQuestion:
      '{{guess}}How severe is it? Pick the level whose example fits best:\n{{levels}}\nIf none fits exactly, pick the closest; the team can adjust it.',
    severitySummary: 'How severe? {{levels}}. Reply P0-P5.',
    docsQuestion:
      'Before I file it, these parts of the documentation may already solve it:\n{{lines}}\nDid one of them solve your problem? Reply "solved" or "not solved".',
    docsSummary: 'These docs may solve it: {{urls}} Did they? Reply solved or not solved.',
    solved: 'Solved',
    notSolved: 'Not solved',
    callIdQuestion:
      'Please send the Call-ID of one or more affected calls (up to {{max}}); it is how we find the calls. {{where}} Type "skip" if you have none.',
    noCallId: 'I have no Call-ID',
    reopened: 'I have reopened your ticket {{ticketId}} with these new details ({{details}}).',
    filed:
      'Thank you. Your report is filed as ticket {{ticketId}} ({{details}}){{linked}}. Please quote {{ticketId}} if you contact us about it.',
    linked: ', linked to your earlier ticket {{linkedTicketId}}, which closed too long ago to reopen',
    unclassified: 'unclassified',
    callIds_one: '{{count}} Call-ID',
    callIds_other: '{{count}} Call-IDs',
    attachments_one: '{{count}} attachment',
    attachments_other: '{{count}} attachments',
  },
  docs: {
    /** Said before a docs or policy answer (both in English) to a customer of another language; empty in English. */
    inEnglish: '',
  },
};

/** The shape every bot catalog has: the same keys as English, each a string. */
export type BotCatalog = {
  [Section in keyof typeof botEn]: { [Key in keyof (typeof botEn)[Section]]: string };
};

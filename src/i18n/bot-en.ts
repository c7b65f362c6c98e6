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
    frustrated: 'I am sorry about this; I understand it is frustrating. Let me get it to the team properly.',
    several:
      'You described {{count}} separate problems. Each gets its own ticket, so it reaches the right person; let\'s take them one at a time, starting with: "{{first}}"',
    severalThanks:
      'Thanks. Those are {{count}} problems; we will file them one at a time, starting with: "{{first}}"',
    nextProblem: 'Now your next problem: "{{problem}}"',
    sameAsEarlierReopen:
      'Is this the same problem as your ticket {{ticketId}} ("{{title}}", {{status}})? If it is, I will reopen that ticket instead of starting a new one. Reply "same" or "new".',
    sameAsEarlierLink:
      'Is this the same problem as your ticket {{ticketId}} ("{{title}}", {{status}})? If it is, I will open a new ticket linked to it, as it closed too long ago to reopen. Reply "same" or "new".',
    sameProblem: 'Same problem',
    newProblem: 'New problem',
    statusShows:
      "For your information, the status page currently shows: {{active}}. If that is what you see, follow {{statusPage}} for updates; otherwise let's go on.",
    knownIncident:
      'This looks like a known incident our team is already working on: "{{name}}" ({{status}}).\nUpdates and ETAs are posted at {{link}}. A new report would not speed it up, so I suggest following the updates there. If your problem is something else, tell me and we carry on.',
    knownIncidentUpdate:
      'This looks like a known incident our team is already working on: "{{name}}" ({{status}}). Latest update: {{update}}\nUpdates and ETAs are posted at {{link}}. A new report would not speed it up, so I suggest following the updates there. If your problem is something else, tell me and we carry on.',
    knownIncidentSummary:
      'Known incident: "{{name}}" ({{status}}). Follow {{link}} for updates. Reply "different" if your problem is something else.',
    followUpdates: 'I will follow the updates',
    different: 'My problem is different',
    notCritical:
      'Under our support policy, problems that come up while {{situation}} are not critical, so I am filing this as {{severity}} ({{label}}) rather than {{chosen}}. It will still be looked at.',
    outage:
      '{{chosen}} means the whole platform is down for everyone. Our monitoring alerts the team to that, and updates and ETAs are posted at {{statusPage}}, so I only need a few details.',
    criticalOutOfHours:
      '{{chosen}} is a critical severity, which the team answers even outside support hours ({{hours}}). Please keep it for problems that really stop your business: repeatedly reporting non-critical problems as critical out of hours may lead to fines on the account or its termination.',
    featureRequest:
      'I will file this as a feature request ({{chosen}}). If you need it urgently, the team can discuss it with you; a project cost may be involved.',
    tooManyCallIds:
      'That is {{count}} Call-IDs. A few good examples help more than many: please send up to {{max}} calls that show the problem.',
    notACallId:
      'That does not look like a Call-ID: they are long generated strings such as 3c2a7f9e0b1d4e5f@10.0.0.1. {{where}} Or type "skip".',
    gotCallIds_one: 'Got {{count}} Call-ID.',
    gotCallIds_other: 'Got {{count}} Call-IDs.',
    leftOut: 'I left out {{ignored}}, which do not look like Call-IDs.',
    agreementNeeded:
      'Escalation is charged at {{price}}, so I need your explicit agreement: reply "I agree to pay for escalation", or "No".',
    joinedOutage:
      'Thank you. The team is already working on a platform-wide outage, filed as ticket {{ticketId}}, and I have added your report to it. To keep the engineers on the fix, I have not opened a separate conversation: updates and ETAs are posted at {{statusPage}}. If your calls still fail after the outage is over, tell me and I will file it on its own.',
  },
  answer: {
    hedge:
      'I am not sure this answers your question, but this part of our documentation looks closest:\n\n{{passage}}',
    maybe: 'Maybe: {{line}}',
    fromDocs: 'From the docs: {{title}}',
    related: 'Related pages:',
    source: 'Source: {{title}}',
    reportThis: 'Report this problem',
    didThisHelp: 'Did this help?',
    yes: 'Yes',
    no: 'No',
    decline:
      'I couldn\'t find an answer to that in our documentation, and I\'d rather not guess. Type "Human" to reach a person, or rephrase your question.',
    closest: '{{decline}}\n\nThe closest page I found, in case it helps: {{title}}\n{{url}}',
    closestSummary: '{{decline}} Closest page: {{url}}',
    notHelpful:
      'Sorry that did not help. If you would rather talk to a person, tap "{{button}}" or type "Human".',
    notHelpfulNext:
      'Sorry that did not help. This page may answer it instead. If you would rather talk to a person, tap "{{button}}" or type "Human".',
    notHelpfulNextSummary: 'Sorry that did not help. Maybe this page: {{url}} Reply "Human" for a person.',
  },
  decline: {
    accountData:
      "I can't see your account's data (balances, payments, invoices, live registrations), so I can't answer that myself. The team can: type \"Human\" to reach a person, or write to {{email}}.",
    offTopic:
      'I couldn\'t find an answer to that in our documentation, and it looks outside what I can help with: I answer questions about our platform and its support. Ask me about the product, report a problem, or type "Human" to reach a person.',
    complaint:
      'I am sorry about this; I understand it is frustrating. Tell me what is going wrong and I will get it to the team, or type "Human" to reach a person now.',
    abuseWarning:
      'I understand this is frustrating, and we want to fix it. Please keep the conversation respectful: we do not accept insults, intimidation or threats. Tell me what is going wrong and I will help.',
    abuseHandedOver:
      'I asked you to keep this respectful. I am passing this conversation to a member of our team, who will decide how to continue; they may end it.',
  },
  lead: {
    offer:
      '{{nocOnDemand}} {{nocAsAService}} Both are arranged directly with our team. What would you need: which hours or time zone, and which services should be covered?',
    stop: 'All right. Ask again any time.',
    contact:
      'Thank you. How can the team reach you? Please give your name and an email address or phone number.',
    noContact:
      'I could not find an email address or phone number in that. Where should the team contact you?',
    passedEmail:
      'Thank you, I have passed your enquiry to the team and they will contact you at {{contact}}. You can also write to {{email}}.',
    passedPhone:
      'Thank you, I have passed your enquiry to the team and they will contact you on {{contact}}. You can also write to {{email}}.',
    passed:
      'Thank you, I have passed your enquiry to the team and they will contact you. You can also write to {{email}}.',
  },
  rating: {
    question: 'How did we do? Please rate this conversation from 1 (poor) to 5 (great).',
    questionSms: 'How did we do? Reply with a digit from 1 (poor) to 5 (great).',
    poor: '1 · Poor',
    great: '5 · Great',
    declined: 'All right. Thank you for contacting us!',
    thanksComment: 'Thank you for your feedback; the team will read it.',
    thanksComment_sorry: 'Thank you for your feedback; the team will read it. I am sorry it was not better.',
    thanksRating: 'Thank you for rating us! If you would like to tell us more, just write it here.',
    thanksRating_sorry:
      'Thank you for rating us! I am sorry it was not better. If you would like to tell us more, just write it here.',
    passedOn: 'Thank you; I have passed that on to the team.',
  },
  fix: {
    works: 'It works',
    broken: 'Still broken',
    proposed:
      '{{agent}} has put a fix in place for your ticket {{ticketId}}. Please test it (for a call problem, a test call or a real one) and tell me: does it work now?',
    proposedWithNote:
      '{{agent}} has put a fix in place for your ticket {{ticketId}}: {{note}} Please test it (for a call problem, a test call or a real one) and tell me: does it work now?',
    confirmed_one:
      'Thank you for testing. Ticket {{ticketId}} is now closed. If the problem comes back within {{count}} day, just tell me and I will reopen it.',
    confirmed_other:
      'Thank you for testing. Ticket {{ticketId}} is now closed. If the problem comes back within {{count}} days, just tell me and I will reopen it.',
    stillBroken:
      'Sorry it is still not right. I have reopened ticket {{ticketId}} with what you said and passed it back to the team, with its history.',
    askAgain: 'Please tell me whether the fix works: does the problem still happen?',
  },
  triage: {
    question:
      'While you wait, so the right person picks this up first: how bad is it? Reply with one word: {{options}}.',
    option: '{{severity}} ({{label}})',
    allDown: 'All calls down',
    someFail: 'Some calls fail',
    account: 'Account or settings',
    request: 'Question or request',
    noted: 'Thank you, noted as {{severity}} ({{category}}). The first available person will reply here.',
    notedWithTicket:
      'Thank you, noted as {{severity}} ({{category}}), ticket {{ticketId}}. The first available person will reply here.',
    platform: 'platform',
    operational: 'operational',
  },
  time: {
    yourTime: '{{utc}} ({{local}} your time, {{zone}})',
    sameZone: '{{utc}} (the same in your time zone)',
    pricePerHour_one: '{{price}} per hour (minimum {{count}} hour)',
    pricePerHour_other: '{{price}} per hour (minimum {{count}} hours)',
  },
  policy: {
    hours: '{{supportHours}}\n{{openNow}}\nOut of hours, {{escalation}}',
    aroundTheClock:
      'Yes, critical issues ({{rules}}) are handled 24/7, around the clock, nights and weekends included. Everything else is handled in support hours, {{hours}}. {{openNow}}\nOut of hours, {{escalation}}',
    phone: 'Phone: {{phone}}. Please call between {{hours}}, unless the issue is critical. {{state}}',
    phoneOpen: 'The line is staffed right now.',
    phoneClosed: 'The line is closed right now; it opens at {{opens}}.',
    sms: 'You can text us on {{numbers}}. SMS gets the same bot and the same team as this chat.',
    smsNumber: '{{number}} ({{label}})',
    telegram:
      'Our Telegram bot is {{handle}}: {{url}}. It works like this chat, and "Human" reaches the team there too.',
    email:
      'E-mail {{email}}: every e-mail becomes a support ticket. {{ticketsHint}} Please keep one problem per ticket.',
    contacts:
      'You can reach support by:\n• Chat: right here; type "Human" to reach a person.\n• E-mail: {{email}} (every e-mail becomes a ticket).\n• Phone: {{phone}}, {{phoneHours}} unless critical.\n• SMS: {{sms}}\n• Telegram: {{handle}} ({{url}})\n{{supportHours}} {{openNow}}\nKnown outages: {{statusPage}}',
    paidEscalation:
      'Out of support hours ({{hours}}), a {{severities}} problem that is critical for your business can be escalated to the on-call engineer as paid support: {{price}}, charged only after you explicitly agree. Critical issues ({{rules}}) are handled 24/7 anyway, at no charge. A {{featureRequest}} feature request can be escalated too, but a project cost may apply.',
    severity:
      'Severity levels, from most to least urgent:\n{{levels}}\nCritical issues ({{rules}}) are handled 24/7; the rest in support hours ({{hours}}). A feature request is {{featureRequest}}.\nIf something critical is happening now, check the status page first ({{statusPage}}); if it is not there, describe the problem here and I will report it.',
    severityLevel: '• {{severity}} ({{label}}): {{example}}.',
    categories:
      'Every problem is in one of two categories:\n• Platform: {{platform}}.\n• Operational: {{operational}}.\nA problem you caused with your own configuration is operational.',
    noc: '{{nocOnDemand}} {{nocAsAService}} Both are arranged directly with our team: tell me you are interested and I will pass on your enquiry, or write to {{email}}.',
    statusPage:
      'Known outages and incidents are posted on our status page: {{url}}\nIf your problem is not there, tell me what is going wrong and I will help you report it.',
    statusPageNow:
      'Known outages and incidents are posted on our status page: {{url}}\nRight now it shows: {{now}}\nIf your problem is not there, tell me what is going wrong and I will help you report it.',
    allOperational: 'no active incidents; all systems are operational.',
    incident: '"{{name}}" ({{status}})',
    degraded: '{{name}} is {{status}}',
    callId:
      '{{meaning}} {{whereToFind}} When you report failing calls, include the Call-IDs of a few of them (up to {{max}}).',
    oneTicket:
      'One problem per ticket, please: each problem is handled by the right person and nothing gets lost. Report them one at a time here (or send them as a numbered list and I will file one ticket each). For a system-wide change, e-mail {{email}}; to go through many concerns at once, call {{phone}}, {{phoneHours}}.',
    notCritical:
      'Problems that come up while {{situations}} are not critical under our policy, whatever severity is chosen: they are filed as {{severity}} at most and handled in support hours ({{hours}}).',
    misreporting:
      '{{misreporting}} Critical ({{critical}}) is for problems that stop your business; if unsure, pick the lower level and tell us why it hurts.',
    reportInfo:
      'To report a problem well:\n1. Check the status page first: {{statusPage}}\n2. Check the docs: {{docs}}\n3. Gather: the category (platform or operational), the severity (P0-P5), the Call-IDs of a few failing calls, when it started, what you tried, what you observe (and, apart, what you suspect), and a screenshot for interface problems.\n4. One problem per ticket. I can take the report right here: just describe the problem.',
    escalationLines:
      'Your ticket is worked on by three support lines:\n• {{first}}: {{firstWho}}. Every ticket starts here.\n• {{second}}: {{secondWho}}. A problem the {{firstName}} cannot resolve, or a critical one, goes here.\n• {{third}}: {{thirdWho}}. Rare, deep platform failures go here, and so do feature requests ({{featureSeverity}}), for which a project cost may apply.\nWhen your ticket moves up a line you are told who has it and why. You do not need to ask for it: describe the problem and its impact, and the team escalates when needed.\nFor a first line of your own: {{nocAsAService}}',
    ticketLifecycle:
      'A ticket goes through these steps:\n{{steps}}\nWhen a fix is proposed you are asked to test it: "works" closes the ticket, "still broken" reopens it and it goes back to the team. Without an answer within {{confirmFixHours}} hours it is closed with a note.\nIf the same problem comes back within {{reopenWindowDays}} days of closing, tell us and the same ticket is reopened (no new ticket needed); after that a new ticket is opened that links the old one.',
    supportHours:
      'Support hours are {{hours}} for operational and non-critical issues; critical issues ({{rules}}) are handled 24/7.',
    open: 'Support is open right now (it is {{clock}}).',
    closed: 'Support is closed right now (it is {{clock}}); it opens again at {{opens}}.',
    escalation:
      'a {{severities}} problem that is critical for you can be escalated as paid support at {{price}}.',
  },
  email: {
    opened: 'Thank you for contacting support. We have opened ticket {{ticketId}} for your e-mail.',
    reopened: 'Thank you for your reply. Your ticket {{ticketId}} was resolved, so we have reopened it.',
    callback: 'You asked us to call you: please make sure your phone number is in your reply.',
    docs: 'Meanwhile, these sections of our documentation may already answer it (listed below).',
    keepSubject:
      'Please keep [{{ticketId}}] in the subject when you write about this problem, and reply to this e-mail to add details. No more automatic replies follow: the next message comes from a person.',
    summaryOpened: 'Ticket {{ticketId}} opened',
    summaryReopened: 'Ticket {{ticketId}} reopened',
    aroundTheClock:
      '{{severity}} platform issues are handled around the clock, so an engineer will pick this up at any hour.',
    readsCritical:
      'Your e-mail reads like a critical platform problem ({{severity}}): those are handled around the clock, so an engineer will pick this up at any hour. If it is less urgent, reply with its severity (P0-P5).',
    criticalAnyHour:
      'Critical problems ({{critical}}) are handled at any hour: reply with the severity, e.g. "P1", if this is one.',
    open: 'We are within our support hours ({{hours}}): a person will reply as soon as they can.',
    closed: 'Our support hours are {{hours}} and it is now {{now}}, so expect a reply from {{opens}}.',
    paidEscalation:
      'If it cannot wait, paid escalation out of hours is available at {{price}}: reply saying you accept it.',
    /** The resolution as an e-mail customer reads it ("type Human" means nothing in a mail client). */
    resolved:
      'We have marked ticket {{ticketId}} as resolved. If the problem comes back, reply to this e-mail and the ticket reopens.',
    resolvedNoTicket:
      'We have marked your request as resolved. If the problem comes back, reply to this e-mail and the ticket reopens.',
    /** The subject of our mail when the customer's had none. */
    subjectFallback: 'Your support request',
  },
  outage: {
    merged:
      'Update on your report {{report}}: the team has confirmed a platform-wide outage, tracked as ticket {{outage}}, and your report is now part of it, so you no longer need to wait in the queue. Updates and ETAs are posted at {{statusPage}}, and the team will message you here. If your calls still fail after the outage is over, tell me and I will file it on its own.',
  },
  channel: {
    smsOptedIn:
      'You are subscribed again to support messages. Ask me a question, or reply HUMAN to reach our team. Reply STOP to opt out.',
    smsHelp:
      'Support: SMS {{sms}}; Telegram {{handle}}; email {{email}}. Reply HUMAN to reach our team, STOP to opt out.',
    telegramThanks: 'Thanks for the feedback!',
    telegramRefusedTooLong:
      'Sorry, I could not take that message: it is too long. Please send it in shorter parts.',
    telegramRefusedEmpty: 'Sorry, I could not take that message: it has no text. Please write what you need.',
    telegramRefusedInvalid: 'Sorry, I could not take that message. Please try again in plain text.',
    telegramGroup:
      'Hi! I answer support questions in private chats only, so nothing about your account is shared in a group. Please message me directly:{{link}}',
  },
  routing: {
    alreadyQueued:
      'You are already in the queue; the first available person will reply here. Type "cancel" to go back to the bot.',
    stopped:
      'All right, I have stopped that; nothing was filed. Ask me anything, or type "Human" to reach a person.',
    backTo: 'Back to where we were: {{prompt}}',
    connectOrHelp: 'Do you want me to connect you with a person, or shall I try to help here?',
    connect: 'Connect me with a person',
    helpHere: 'Help me here',
    resolved:
      'This conversation has been marked as resolved and you are back with the support bot. Type "Human" any time to reach a person again.',
    ended:
      'A member of our team has ended this conversation. For a new problem, please write to us again, respectfully.',
    cancelled: 'No problem, you are back with the support bot. Type "Human" any time.',
    failed: 'Sorry, something went wrong on our side. Please try again, or type "Human" to reach a person.',
    ticketUpdate: 'Update on ticket {{ticketId}} from {{agent}}: {{text}}',
  },
  docs: {
    /** Said before a docs answer (quoted in English) to a customer of another language; empty in English. */
    inEnglish: '',
  },
};

/** The shape every bot catalog has: the same keys as English, each a string. */
export type BotCatalog = {
  [Section in keyof typeof botEn]: { [Key in keyof (typeof botEn)[Section]]: string };
};

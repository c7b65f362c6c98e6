import type { BotCatalog } from './bot-en';

/**
 * What the bot says, in Spanish (usted). Customers' keywords stay the ones the bot understands in
 * every language ("Human", "cancel", "skip", P0-P5), so they are quoted as they are.
 */
export const botEs: BotCatalog = {
  greeting: {
    web: '¡Hola! Soy el bot de soporte. Pregúnteme sobre el producto, cuénteme un problema o escriba "Human" para hablar con una persona.',
    smallTalk:
      '¡Hola! Soy el bot de soporte. Puedo responder preguntas con nuestra documentación, ayudarle a informar de un problema (para que el equipo tenga todo lo que necesita) y decirle nuestro horario de soporte y contactos. Escriba "Human" en cualquier momento para hablar con una persona.',
    thanks:
      '¡De nada! ¿Puedo ayudarle en algo más? Escriba "Human" en cualquier momento para hablar con una persona.',
    goodbye: '¡Adiós! Si surge algo más, escríbanos aquí.',
    solved: 'Estupendo, me alegra que esté resuelto. Para cualquier otra cosa, pregunte.',
    affirm:
      'De acuerdo. ¿En qué puedo ayudarle? Hágame una pregunta, informe de un problema o escriba "Human".',
    deny: 'Muy bien. ¿Hay algo más en lo que pueda ayudarle?',
    notSolved:
      'Siento que no le haya servido. Puedo registrar un informe del problema para el equipo o ponerle en contacto con una persona.',
  },
  menu: {
    report: 'Informar de un problema',
    hours: 'Horario de soporte',
    human: 'Hablar con una persona',
    person: 'Hablar con una persona',
  },
  handoff: {
    online:
      'Estoy avisando ahora a nuestro equipo de soporte; la primera persona disponible le responderá aquí. Mientras tanto puede seguir añadiendo detalles. Escriba "cancel" para volver al bot.',
    offline:
      'He avisado a nuestro equipo de soporte, pero ahora mismo no hay nadie conectado al chat. Su conversación está en la cola y la primera persona que se conecte le responderá aquí. Escriba "cancel" para volver al bot.',
    ticket: 'Su ticket es {{ticketId}}. ',
    backSms: 'Responda "never mind" para volver al bot.',
    back: 'Escriba "cancel" para volver al bot.',
    notice:
      '{{ticket}}Estoy avisando ahora a nuestro equipo de soporte. {{expectation}} Mientras tanto puede seguir añadiendo detalles aquí. {{back}}',
    summary: '{{ticket}}Avisando a nuestro equipo de soporte. {{expectation}}',
  },
  expectation: {
    paid: 'Usted aceptó la escalada de pago, así que su informe queda marcado para el ingeniero de guardia a cualquier hora.',
    aroundTheClock: 'Las incidencias {{category}} {{severity}} se atienden las 24 horas.',
    aroundTheClockSuggested:
      'Las incidencias {{category}} {{severity}} se atienden las 24 horas (según lo que ha descrito; el equipo confirmará la gravedad).',
    topOfQueueOnline: 'Hay alguien conectado ahora y su informe está el primero de su cola.',
    topOfQueueOffline:
      'En este momento no hay nadie conectado al chat; su informe está el primero de la cola para la primera persona que se conecte.',
    outage:
      ' Durante una caída del servicio el equipo está ocupado resolviéndola; siga las novedades en {{statusPage}} y espere respuestas breves.',
    openOnline: 'Hay alguien del equipo conectado que le responderá aquí en cuanto pueda.',
    openOffline:
      'Estamos dentro de nuestro horario de soporte ({{hours}}), pero ahora mismo no hay nadie conectado al chat. La primera persona que se conecte le responderá aquí.',
    closed:
      'Atendemos este tipo de incidencias en horario de soporte, {{hours}}, y ahora son {{now}}. Espere una respuesta a partir de {{opens}}. {{bestEffort}}',
    bestEffortOnline: 'Ahora hay alguien conectado que podría responder antes, en la medida de lo posible.',
    bestEffortOffline:
      'Ahora no hay nadie conectado; fuera de este horario solo respondemos si hay alguien disponible.',
    platform: 'de plataforma',
    operational: 'operativas',
  },
  report: {
    describe:
      'Le ayudo a informar de ello. ¿Qué está fallando? Describa un solo problema; si tiene varios, los registramos de uno en uno.',
    followIncident:
      'Gracias por comprobarlo. Siga las novedades en {{statusPage}}; si el problema continúa cuando se resuelva la incidencia, dígamelo y registraré un informe.',
    docsSolved:
      'Estupendo, me alegra que la documentación lo resolviera. Para cualquier otra cosa, pregunte.',
    categoryOpen: 'De acuerdo: dejaré la categoría abierta y el equipo la asignará.',
    noImage:
      'No he recibido ninguna imagen ni vídeo. Adjunte la captura o la grabación de pantalla, o escriba "skip".',
    observed:
      'Ahora describa exactamente lo que observa: códigos de error o respuestas SIP, lo que oyen quienes llaman, qué números, rutas o páginas están afectados y cuáles no. Aquí solo hechos; después le preguntaré qué sospecha.',
    suspected:
      '¿Sospecha de alguna causa que aún no ha confirmado? Dígamela y el equipo la tratará como una pista, no como un hecho. Si no, responda "no idea".',
    noIdea: 'Ni idea',
    statusPageFirst:
      'Primer paso: las caídas conocidas se publican en nuestra página de estado, {{statusPage}}. Si su problema aparece allí, el equipo ya lo sabe; si no, sigamos.',
    screenshot:
      'Para un problema de la interfaz, una breve grabación de pantalla (vídeo MP4, WebM o MOV) es lo que mejor nos muestra lo que ocurre; una captura también ayuda. Adjunte una (el clip en el chat web, una foto o un vídeo en Telegram, un mensaje con imagen por SMS) o escriba "skip".',
    skip: 'Omitir',
    cameBack: '¿Cuándo volvió a ocurrir? (por ejemplo "hoy hacia las 14:00 UTC")',
    started: '¿Cuándo empezó? (por ejemplo "hoy hacia las 14:00 UTC" o "desde el cambio de ayer")',
    tried: '¿Qué ha probado hasta ahora para aislarlo o solucionarlo?',
    escalationOffer:
      'Estamos fuera de nuestro horario de soporte ({{hours}}) y esto es un {{severity}}, así que se atenderá cuando abra el soporte. Si ahora mismo es crítico para su negocio, puede escalarlo al ingeniero de guardia como soporte de pago: {{price}}. Para escalarlo, responda "I agree to pay for escalation". Si no, responda "No".',
    escalate: 'Escalar, acepto pagar',
    waitForHours: 'No, esperaré al horario de soporte',
    categoryGuess: 'Por lo que describe parece {{category}}, pero confírmelo, por favor. ',
    categoryQuestion:
      '{{guess}}¿De qué categoría es?\n• Platform (plataforma): {{platform}}.\n• Operational (operativa): {{operational}}.\n¿No está seguro? Dígalo y el equipo lo clasificará.',
    categorySummary:
      '¿Es un problema de plataforma (nuestro sistema) u operativo (su configuración)? Responda Platform, Operational o Not sure.',
    platform: 'Plataforma',
    operational: 'Operativo',
    notSure: 'No estoy seguro',
    severityGuess:
      'Por lo que describe, parece {{severity}} ({{label}}); confírmelo o elija otro nivel, por favor. ',
    severityQuestion:
      '{{guess}}¿Qué gravedad tiene? Elija el nivel cuyo ejemplo encaje mejor:\n{{levels}}\nSi ninguno encaja del todo, elija el más cercano; el equipo puede ajustarlo.',
    severitySummary: '¿Qué gravedad? {{levels}}. Responda P0-P5.',
    docsQuestion:
      'Antes de registrarlo, estas partes de la documentación (en inglés) quizá ya lo resuelvan:\n{{lines}}\n¿Alguna resolvió su problema? Responda "solved" o "not solved".',
    docsSummary:
      'Esta documentación (en inglés) quizá lo resuelva: {{urls}} ¿Le sirvió? Responda solved o not solved.',
    solved: 'Resuelto',
    notSolved: 'No resuelto',
    callIdQuestion:
      'Envíe el Call-ID de una o varias llamadas afectadas (hasta {{max}}); así localizamos las llamadas. {{where}} Escriba "skip" si no tiene ninguno.',
    noCallId: 'No tengo Call-ID',
    reopened: 'He reabierto su ticket {{ticketId}} con estos nuevos detalles ({{details}}).',
    filed:
      'Gracias. Su informe queda registrado como ticket {{ticketId}} ({{details}}){{linked}}. Indique {{ticketId}} si nos contacta sobre ello.',
    linked:
      ', vinculado a su ticket anterior {{linkedTicketId}}, que se cerró hace demasiado tiempo para reabrirlo',
    unclassified: 'sin clasificar',
    callIds_one: '{{count}} Call-ID',
    callIds_other: '{{count}} Call-ID',
    attachments_one: '{{count}} adjunto',
    attachments_other: '{{count}} adjuntos',
    frustrated:
      'Lo siento mucho; entiendo que es frustrante. Voy a hacérselo llegar al equipo como es debido.',
    several:
      'Ha descrito {{count}} problemas distintos. Cada uno tiene su propio ticket para que llegue a la persona adecuada; vamos de uno en uno, empezando por: "{{first}}"',
    severalThanks:
      'Gracias. Son {{count}} problemas; los registraremos de uno en uno, empezando por: "{{first}}"',
    nextProblem: 'Ahora su siguiente problema: "{{problem}}"',
    sameAsEarlierReopen:
      '¿Es el mismo problema que su ticket {{ticketId}} ("{{title}}", {{status}})? Si lo es, reabriré ese ticket en lugar de abrir uno nuevo. Responda "same" (el mismo) o "new" (nuevo).',
    sameAsEarlierLink:
      '¿Es el mismo problema que su ticket {{ticketId}} ("{{title}}", {{status}})? Si lo es, abriré un ticket nuevo vinculado a él, porque se cerró hace demasiado tiempo para reabrirlo. Responda "same" (el mismo) o "new" (nuevo).',
    sameProblem: 'El mismo problema',
    newProblem: 'Un problema nuevo',
    statusShows:
      'Para su información, la página de estado muestra ahora: {{active}}. Si es lo que usted ve, siga las novedades en {{statusPage}}; si no, sigamos.',
    knownIncident:
      'Parece una incidencia conocida en la que nuestro equipo ya está trabajando: "{{name}}" ({{status}}).\nLas novedades y los plazos se publican en {{link}}. Un informe nuevo no lo aceleraría, así que le sugiero seguir allí las novedades. Si su problema es otro, dígamelo y seguimos.',
    knownIncidentUpdate:
      'Parece una incidencia conocida en la que nuestro equipo ya está trabajando: "{{name}}" ({{status}}). Última novedad: {{update}}\nLas novedades y los plazos se publican en {{link}}. Un informe nuevo no lo aceleraría, así que le sugiero seguir allí las novedades. Si su problema es otro, dígamelo y seguimos.',
    knownIncidentSummary:
      'Incidencia conocida: "{{name}}" ({{status}}). Siga las novedades en {{link}}. Responda "different" si su problema es otro.',
    followUpdates: 'Seguiré las novedades',
    different: 'Mi problema es otro',
    notCritical:
      'Según nuestra política de soporte, los problemas que surgen al {{situation}} no son críticos, así que lo registro como {{severity}} ({{label}}) en lugar de {{chosen}}. Se revisará igualmente.',
    outage:
      '{{chosen}} significa que toda la plataforma está caída para todos. Nuestra monitorización avisa al equipo y las novedades y plazos se publican en {{statusPage}}, así que solo necesito algunos detalles.',
    criticalOutOfHours:
      '{{chosen}} es una gravedad crítica, que el equipo atiende incluso fuera del horario de soporte ({{hours}}). Resérvela para problemas que realmente detienen su negocio: informar repetidamente de problemas no críticos como críticos fuera de horario puede acarrear multas en la cuenta o su cancelación.',
    featureRequest:
      'Lo registraré como petición de funcionalidad ({{chosen}}). Si la necesita con urgencia, el equipo puede hablarlo con usted; puede tener un coste de proyecto.',
    tooManyCallIds:
      'Son {{count}} Call-ID. Unos pocos buenos ejemplos ayudan más que muchos: envíe hasta {{max}} llamadas que muestren el problema.',
    notACallId:
      'Eso no parece un Call-ID: son cadenas largas generadas, como 3c2a7f9e0b1d4e5f@10.0.0.1. {{where}} O escriba "skip".',
    gotCallIds_one: 'Recibido {{count}} Call-ID.',
    gotCallIds_other: 'Recibidos {{count}} Call-ID.',
    leftOut: 'He dejado fuera {{ignored}}, que no parecen Call-ID.',
    agreementNeeded:
      'La escalada se cobra a {{price}}, así que necesito su aceptación expresa: responda "I agree to pay for escalation" o "No".',
    joinedOutage:
      'Gracias. El equipo ya está trabajando en una caída de toda la plataforma, registrada como ticket {{ticketId}}, y he añadido su informe. Para que los ingenieros sigan con la solución, no he abierto una conversación aparte: las novedades y plazos se publican en {{statusPage}}. Si sus llamadas siguen fallando cuando termine la caída, dígamelo y lo registraré por separado.',
  },
  answer: {
    hedge:
      'No estoy seguro de que esto responda a su pregunta, pero esta parte de nuestra documentación es la más cercana:\n\n{{passage}}',
    maybe: 'Quizá: {{line}}',
    fromDocs: 'De la documentación (en inglés): {{title}}',
    related: 'Páginas relacionadas (en inglés):',
    source: 'Fuente: {{title}}',
    reportThis: 'Informar de este problema',
    didThisHelp: '¿Le ha servido?',
    yes: 'Sí',
    no: 'No',
    decline:
      'No he encontrado una respuesta en nuestra documentación y prefiero no adivinar. Escriba "Human" para hablar con una persona o formule la pregunta de otra manera.',
    closest: '{{decline}}\n\nLa página más cercana que he encontrado, por si le sirve: {{title}}\n{{url}}',
    closestSummary: '{{decline}} Página más cercana: {{url}}',
    notHelpful:
      'Siento que no le haya servido. Si prefiere hablar con una persona, pulse "{{button}}" o escriba "Human".',
    notHelpfulNext:
      'Siento que no le haya servido. Quizá esta página lo responda. Si prefiere hablar con una persona, pulse "{{button}}" o escriba "Human".',
    notHelpfulNextSummary:
      'Siento que no le haya servido. Quizá esta página: {{url}} Responda "Human" para hablar con una persona.',
  },
  decline: {
    accountData:
      'No puedo ver los datos de su cuenta (saldos, pagos, facturas, registros activos), así que no puedo responder a eso yo mismo. El equipo sí: escriba "Human" para hablar con una persona o escriba a {{email}}.',
    offTopic:
      'No he encontrado una respuesta en nuestra documentación y parece fuera de lo que puedo ayudar: respondo preguntas sobre nuestra plataforma y su soporte. Pregúnteme sobre el producto, informe de un problema o escriba "Human" para hablar con una persona.',
    complaint:
      'Lo siento mucho; entiendo que es frustrante. Cuénteme qué está fallando y se lo haré llegar al equipo, o escriba "Human" para hablar ahora con una persona.',
    abuseWarning:
      'Entiendo que es frustrante y queremos solucionarlo. Mantenga la conversación en un tono respetuoso: no aceptamos insultos, intimidaciones ni amenazas. Cuénteme qué está fallando y le ayudaré.',
    abuseHandedOver:
      'Le pedí que mantuviera un tono respetuoso. Paso esta conversación a un miembro de nuestro equipo, que decidirá cómo continuar; puede darla por terminada.',
  },
  lead: {
    offer:
      '{{nocOnDemand}} {{nocAsAService}} Ambos se contratan directamente con nuestro equipo. ¿Qué necesitaría: qué horario o zona horaria y qué servicios deberían cubrirse?',
    stop: 'De acuerdo. Pregunte de nuevo cuando quiera.',
    contact:
      'Gracias. ¿Cómo puede contactarle el equipo? Indique su nombre y una dirección de correo electrónico o un número de teléfono.',
    noContact:
      'No he encontrado ninguna dirección de correo ni número de teléfono en su mensaje. ¿Dónde debe contactarle el equipo?',
    passedEmail:
      'Gracias, he pasado su consulta al equipo y le contactarán en {{contact}}. También puede escribir a {{email}}.',
    passedPhone:
      'Gracias, he pasado su consulta al equipo y le llamarán al {{contact}}. También puede escribir a {{email}}.',
    passed:
      'Gracias, he pasado su consulta al equipo y se pondrán en contacto con usted. También puede escribir a {{email}}.',
  },
  rating: {
    question: '¿Qué tal lo hemos hecho? Valore esta conversación de 1 (mal) a 5 (excelente).',
    questionSms: '¿Qué tal lo hemos hecho? Responda con un número del 1 (mal) al 5 (excelente).',
    poor: '1 · Mal',
    great: '5 · Excelente',
    declined: 'De acuerdo. ¡Gracias por contactar con nosotros!',
    thanksComment: 'Gracias por su opinión; el equipo la leerá.',
    thanksComment_sorry: 'Gracias por su opinión; el equipo la leerá. Siento que no haya ido mejor.',
    thanksRating: '¡Gracias por su valoración! Si quiere contarnos algo más, escríbalo aquí.',
    thanksRating_sorry:
      '¡Gracias por su valoración! Siento que no haya ido mejor. Si quiere contarnos algo más, escríbalo aquí.',
    passedOn: 'Gracias; se lo he hecho llegar al equipo.',
  },
  fix: {
    works: 'Funciona',
    broken: 'Sigue fallando',
    proposed:
      '{{agent}} ha aplicado una solución para su ticket {{ticketId}}. Pruébela (si es un problema de llamadas, con una llamada de prueba o una real) y dígame: ¿funciona ahora?',
    proposedWithNote:
      '{{agent}} ha aplicado una solución para su ticket {{ticketId}}: {{note}} Pruébela (si es un problema de llamadas, con una llamada de prueba o una real) y dígame: ¿funciona ahora?',
    confirmed_one:
      'Gracias por probarlo. El ticket {{ticketId}} queda cerrado. Si el problema vuelve en {{count}} día, dígamelo y lo reabriré.',
    confirmed_other:
      'Gracias por probarlo. El ticket {{ticketId}} queda cerrado. Si el problema vuelve en los próximos {{count}} días, dígamelo y lo reabriré.',
    stillBroken:
      'Siento que siga sin funcionar. He reabierto el ticket {{ticketId}} con lo que me ha dicho y se lo he devuelto al equipo, con su historial.',
    askAgain: 'Dígame si la solución funciona: ¿sigue ocurriendo el problema?',
  },
  triage: {
    question:
      'Mientras espera, para que lo atienda primero la persona adecuada: ¿cómo de grave es? Responda con una palabra: {{options}}.',
    option: '{{severity}} ({{label}})',
    allDown: 'Todas las llamadas caídas',
    someFail: 'Fallan algunas llamadas',
    account: 'Cuenta o configuración',
    request: 'Pregunta o petición',
    noted:
      'Gracias, queda anotado como {{severity}} ({{category}}). La primera persona disponible le responderá aquí.',
    notedWithTicket:
      'Gracias, queda anotado como {{severity}} ({{category}}), ticket {{ticketId}}. La primera persona disponible le responderá aquí.',
    platform: 'plataforma',
    operational: 'operativo',
  },
  time: {
    yourTime: '{{utc}} ({{local}} en su hora, {{zone}})',
    sameZone: '{{utc}} (la misma hora en su zona horaria)',
    pricePerHour_one: '{{price}} por hora (mínimo {{count}} hora)',
    pricePerHour_other: '{{price}} por hora (mínimo {{count}} horas)',
  },
  policy: {
    hours: '{{supportHours}}\n{{openNow}}\nFuera de horario, {{escalation}}',
    aroundTheClock:
      'Sí, las incidencias críticas ({{rules}}) se atienden 24/7, a cualquier hora, también de noche y en fines de semana. Todo lo demás se atiende en horario de soporte, {{hours}}. {{openNow}}\nFuera de horario, {{escalation}}',
    phone: 'Teléfono: {{phone}}. Llame entre las {{hours}}, salvo que la incidencia sea crítica. {{state}}',
    phoneOpen: 'Ahora mismo hay personal atendiendo la línea.',
    phoneClosed: 'La línea está cerrada ahora mismo; abre a las {{opens}}.',
    sms: 'Puede escribirnos por SMS al {{numbers}}. Por SMS le atienden el mismo bot y el mismo equipo que en este chat.',
    smsNumber: '{{number}} ({{label}})',
    telegram:
      'Nuestro bot de Telegram es {{handle}}: {{url}}. Funciona como este chat, y "Human" también le pone en contacto con el equipo allí.',
    email:
      'Correo electrónico {{email}}: cada correo se convierte en un ticket de soporte. {{ticketsHint}} Mantenga un problema por ticket, por favor.',
    contacts:
      'Puede contactar con soporte por:\n• Chat: aquí mismo; escriba "Human" para hablar con una persona.\n• Correo electrónico: {{email}} (cada correo se convierte en un ticket).\n• Teléfono: {{phone}}, {{phoneHours}} salvo incidencias críticas.\n• SMS: {{sms}}\n• Telegram: {{handle}} ({{url}})\n{{supportHours}} {{openNow}}\nCaídas conocidas: {{statusPage}}',
    paidEscalation:
      'Fuera del horario de soporte ({{hours}}), un problema {{severities}} que sea crítico para su negocio puede escalarse al ingeniero de guardia como soporte de pago: {{price}}, que solo se cobra después de que usted lo acepte expresamente. Las incidencias críticas ({{rules}}) se atienden 24/7 de todos modos, sin coste. Una petición de funcionalidad {{featureRequest}} también puede escalarse, pero puede tener un coste de proyecto.',
    severity:
      'Niveles de gravedad, del más al menos urgente:\n{{levels}}\nLas incidencias críticas ({{rules}}) se atienden 24/7; el resto, en horario de soporte ({{hours}}). Una petición de funcionalidad es {{featureRequest}}.\nSi ahora mismo ocurre algo crítico, mire primero la página de estado ({{statusPage}}); si no aparece allí, describa el problema aquí y lo reportaré.',
    severityLevel: '• {{severity}} ({{label}}): {{example}}.',
    categories:
      'Cada problema pertenece a una de dos categorías:\n• Platform (plataforma): {{platform}}.\n• Operational (operativo): {{operational}}.\nUn problema causado por su propia configuración es operativo.',
    noc: '{{nocOnDemand}} {{nocAsAService}} Ambos se contratan directamente con nuestro equipo: dígame que le interesa y pasaré su consulta, o escriba a {{email}}.',
    statusPage:
      'Las caídas e incidencias conocidas se publican en nuestra página de estado: {{url}}\nSi su problema no aparece allí, cuénteme qué está fallando y le ayudaré a informar de ello.',
    statusPageNow:
      'Las caídas e incidencias conocidas se publican en nuestra página de estado: {{url}}\nAhora mismo muestra: {{now}}\nSi su problema no aparece allí, cuénteme qué está fallando y le ayudaré a informar de ello.',
    allOperational: 'ninguna incidencia activa; todos los sistemas funcionan con normalidad.',
    incident: '"{{name}}" ({{status}})',
    degraded: '{{name}}: {{status}}',
    callId:
      '{{meaning}} {{whereToFind}} Cuando informe de llamadas fallidas, incluya los Call-ID de algunas de ellas (hasta {{max}}).',
    oneTicket:
      'Un problema por ticket, por favor: así cada problema lo atiende la persona adecuada y no se pierde nada. Infórmelos de uno en uno aquí (o envíelos como lista numerada y registraré un ticket para cada uno). Para un cambio en todo el sistema, escriba a {{email}}; para repasar muchas cuestiones a la vez, llame al {{phone}}, {{phoneHours}}.',
    notCritical:
      'Los problemas que surgen al {{situations}} no son críticos según nuestra política, sea cual sea la gravedad elegida: se registran como {{severity}} como máximo y se atienden en horario de soporte ({{hours}}).',
    misreporting:
      '{{misreporting}} Crítico ({{critical}}) es para problemas que detienen su negocio; si duda, elija el nivel más bajo y explíquenos por qué le afecta.',
    reportInfo:
      'Para informar bien de un problema:\n1. Consulte primero la página de estado: {{statusPage}}\n2. Consulte la documentación (en inglés): {{docs}}\n3. Reúna: la categoría (plataforma u operativo), la gravedad (P0-P5), los Call-ID de algunas llamadas fallidas, cuándo empezó, qué ha probado, qué observa (y, aparte, qué sospecha) y una captura si es un problema de la interfaz.\n4. Un problema por ticket. Puedo tomar el informe aquí mismo: describa el problema.',
    escalationLines:
      'Su ticket lo atienden tres líneas de soporte:\n• {{first}}: {{firstWho}}. Todo ticket empieza aquí.\n• {{second}}: {{secondWho}}. Aquí llega un problema que la {{firstName}} no puede resolver, o uno crítico.\n• {{third}}: {{thirdWho}}. Aquí llegan los fallos profundos y poco frecuentes de la plataforma, y también las peticiones de funcionalidades ({{featureSeverity}}), que pueden tener un coste de proyecto.\nCuando su ticket sube de línea, se le dice quién lo tiene y por qué. No hace falta pedirlo: describa el problema y su impacto, y el equipo lo escala cuando haga falta.\nPara tener una primera línea propia: {{nocAsAService}}',
    ticketLifecycle:
      'Un ticket pasa por estos pasos:\n{{steps}}\nCuando se propone una solución, se le pide que la pruebe: «funciona» cierra el ticket, «sigue fallando» lo reabre y vuelve al equipo. Sin respuesta en {{confirmFixHours}} horas, se cierra con una nota.\nSi el mismo problema vuelve en los {{reopenWindowDays}} días siguientes al cierre, díganoslo y se reabre el mismo ticket (no hace falta uno nuevo); después se abre un ticket nuevo enlazado con el anterior.',
    supportHours:
      'El horario de soporte es {{hours}} para incidencias operativas y no críticas; las incidencias críticas ({{rules}}) se atienden 24/7.',
    open: 'El soporte está abierto ahora mismo (son las {{clock}}).',
    closed: 'El soporte está cerrado ahora mismo (son las {{clock}}); vuelve a abrir a las {{opens}}.',
    escalation:
      'un problema {{severities}} que sea crítico para usted puede escalarse como soporte de pago a {{price}}.',
  },
  email: {
    opened: 'Gracias por contactar con soporte. Hemos abierto el ticket {{ticketId}} para su correo.',
    reopened: 'Gracias por su respuesta. Su ticket {{ticketId}} estaba resuelto, así que lo hemos reabierto.',
    callback: 'Nos ha pedido que le llamemos: asegúrese de incluir su número de teléfono en la respuesta.',
    docs: 'Mientras tanto, estas secciones de nuestra documentación (en inglés) quizá ya lo respondan (abajo).',
    keepSubject:
      'Mantenga [{{ticketId}}] en el asunto cuando escriba sobre este problema y responda a este correo para añadir detalles. No recibirá más respuestas automáticas: el próximo mensaje será de una persona.',
    summaryOpened: 'Ticket {{ticketId}} abierto',
    summaryReopened: 'Ticket {{ticketId}} reabierto',
    aroundTheClock:
      'Las incidencias de plataforma {{severity}} se atienden a cualquier hora, así que un ingeniero se ocupará de esto a cualquier hora.',
    readsCritical:
      'Su correo parece describir un problema crítico de plataforma ({{severity}}): estos se atienden a cualquier hora, así que un ingeniero se ocupará de esto a cualquier hora. Si es menos urgente, responda con su gravedad (P0-P5).',
    criticalAnyHour:
      'Los problemas críticos ({{critical}}) se atienden a cualquier hora: si este es uno, responda con la gravedad, por ejemplo "P1".',
    open: 'Estamos dentro de nuestro horario de soporte ({{hours}}): una persona le responderá en cuanto pueda.',
    closed:
      'Nuestro horario de soporte es {{hours}} y ahora son las {{now}}, así que espere una respuesta a partir de las {{opens}}.',
    paidEscalation:
      'Si no puede esperar, hay escalada de pago fuera de horario a {{price}}: responda diciendo que la acepta.',
    resolved:
      'Hemos marcado el ticket {{ticketId}} como resuelto. Si el problema vuelve, responda a este correo y el ticket se reabrirá.',
    resolvedNoTicket:
      'Hemos marcado su solicitud como resuelta. Si el problema vuelve, responda a este correo y el ticket se reabrirá.',
    subjectFallback: 'Su solicitud de soporte',
  },
  outage: {
    merged:
      'Novedades sobre su informe {{report}}: el equipo ha confirmado una caída general de la plataforma, con el ticket {{outage}}, y su informe forma parte de él, así que ya no necesita esperar en la cola. Las novedades y los plazos se publican en {{statusPage}}, y el equipo le escribirá aquí. Si sus llamadas siguen fallando cuando termine la caída, dígamelo y lo registraré por separado.',
  },
  channel: {
    smsOptedIn:
      'Vuelve a estar suscrito a los mensajes de soporte. Hágame una pregunta o responda HUMAN para hablar con nuestro equipo. Responda STOP para darse de baja.',
    smsHelp:
      'Soporte: SMS {{sms}}; Telegram {{handle}}; correo {{email}}. Responda HUMAN para hablar con nuestro equipo, STOP para darse de baja.',
    telegramThanks: '¡Gracias por su opinión!',
    telegramRefusedTooLong:
      'Lo siento, no he podido recibir ese mensaje: es demasiado largo. Envíelo en partes más cortas.',
    telegramRefusedEmpty:
      'Lo siento, no he podido recibir ese mensaje: no tiene texto. Escriba lo que necesita.',
    telegramRefusedInvalid:
      'Lo siento, no he podido recibir ese mensaje. Inténtelo de nuevo con texto sin formato.',
    telegramGroup:
      '¡Hola! Solo respondo preguntas de soporte en chats privados, para no compartir nada de su cuenta en un grupo. Escríbame directamente:{{link}}',
  },
  routing: {
    alreadyQueued:
      'Ya está en la cola; la primera persona disponible le responderá aquí. Escriba "cancel" para volver al bot.',
    stopped:
      'De acuerdo, lo he detenido; no se ha registrado nada. Pregúnteme lo que quiera o escriba "Human" para hablar con una persona.',
    backTo: 'Volvamos a donde estábamos: {{prompt}}',
    connectOrHelp: '¿Quiere que le ponga en contacto con una persona o prefiere que intente ayudarle aquí?',
    connect: 'Póngame con una persona',
    helpHere: 'Ayúdeme aquí',
    resolved:
      'Esta conversación se ha marcado como resuelta y vuelve a hablar con el bot de soporte. Escriba "Human" en cualquier momento para volver a hablar con una persona.',
    ended:
      'Un miembro de nuestro equipo ha terminado esta conversación. Para un problema nuevo, escríbanos de nuevo, con respeto.',
    cancelled: 'De acuerdo, vuelve a hablar con el bot de soporte. Escriba "Human" cuando quiera.',
    failed:
      'Lo siento, algo ha fallado por nuestra parte. Inténtelo de nuevo o escriba "Human" para hablar con una persona.',
    ticketUpdate: 'Novedad sobre el ticket {{ticketId}} de {{agent}}: {{text}}',
  },
  docs: {
    inEnglish: 'La documentación está en inglés, así que le respondo con ella tal cual:',
  },
};

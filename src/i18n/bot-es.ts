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
    callIds_other: '{{count}} Call-IDs',
    attachments_one: '{{count}} adjunto',
    attachments_other: '{{count}} adjuntos',
  },
  docs: {
    inEnglish: 'Esta respuesta está en inglés, el idioma de nuestra documentación:',
  },
};

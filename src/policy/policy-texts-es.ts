import type { PolicyTexts } from './policy-texts-schema';

/**
 * The published default policy's texts in Spanish. Each is used only while the policy file keeps
 * the English default it translates; a team that rewrites a text writes its Spanish in `texts.es`.
 */
export const DEFAULT_POLICY_TEXTS_ES: PolicyTexts = {
  categories: {
    platform:
      'la estabilidad de nuestra propia plataforma, normalmente fuera de su control (por ejemplo, la plataforma está caída)',
    operational:
      'la configuración de su propia cuenta, normalmente bajo su control (por ejemplo, una ruta mal configurada)',
  },
  severities: {
    P0: {
      label: 'Crítico',
      example: 'Toda la plataforma está caída para todos los clientes y fallan todas las llamadas',
    },
    P1: { label: 'Crítico', example: 'Su empresa está caída y fallan todas sus llamadas' },
    P2: {
      label: 'Crítico',
      example:
        'Están caídas todas las llamadas de uno de sus clientes, o la interfaz de usuario falla gravemente',
    },
    P3: {
      label: 'Importante',
      example:
        'Una caída parcial: fallan algunas llamadas pero no todas, o solo está afectado un cliente o un operador',
    },
    P4: {
      label: 'Menor',
      example:
        'Una función no va, pero el negocio sigue (un fallo de la interfaz o un problema de llamadas de poco impacto)',
    },
    P5: { label: 'Menor', example: 'Algo no funciona como espera, o le gustaría una mejora' },
  },
  nonCritical: {
    situations: [
      { name: 'poner en marcha una nueva interconexión' },
      { name: 'hacer un cambio' },
      { name: 'probar una función nueva' },
      { name: 'incorporar a un cliente nuevo' },
    ],
  },
  callIds: {
    whereToFind:
      'Abra la sección Logging, haga clic en la llamada y copie el Call-ID que aparece a la derecha del panel.',
  },
  contacts: {
    phone: 'el número de la oficina que figura en https://www.connexcs.com/',
    ticketsHint: 'Sus tickets abiertos aparecen en Support Ticket, al final del menú de navegación.',
  },
  misreporting:
    'Informar repetidamente de incidencias no críticas como críticas fuera del horario laboral puede acarrear multas en la cuenta o su cancelación.',
  callIdMeaning:
    'El Call-ID es el identificador único que SIP asigna a cada llamada; con él el equipo encuentra las llamadas afectadas y aísla clientes, proveedores o canales.',
  nocOnDemand: {
    description:
      'NOC-on-Demand (soporte ampliado) le ofrece soporte operativo 24/7, o en el horario de su propia zona horaria.',
  },
  nocAsAService: {
    description:
      'NOC-as-a-Service: le proporcionamos un ingeniero de NOC certificado, formado y gestionado por nosotros, que opera sus sistemas y ayuda a sus clientes; se cobra mensualmente por ingeniero.',
  },
  escalationLines: [
    {
      name: '1.ª línea',
      who: 'nuestros ingenieros de NOC, formados y certificados en resolución de problemas SIP y en la operación de la plataforma',
    },
    {
      name: '2.ª línea',
      who: 'nuestros ingenieros de red sénior, que supervisan la plataforma y se ocupan de los problemas complejos y poco habituales',
    },
    {
      name: '3.ª línea',
      who: 'nuestros desarrolladores sénior, que construyeron la plataforma y también atienden peticiones de nuevas funciones',
    },
  ],
  phoneLine: {
    texts: {
      welcome: 'Gracias por llamar al servicio de soporte. Le pasamos con un ingeniero.',
      paging: 'Le pasamos ahora con el ingeniero de guardia.',
      closed:
        'Gracias por llamar al servicio de soporte. Nuestra línea telefónica atiende en horario {hours}, y ahora está cerrada. ' +
        'Si se trata de un problema crítico de la plataforma, por ejemplo, si fallan las llamadas de todos sus clientes, pulse {key} para avisar al ingeniero de guardia. ' +
        'Para dejar un mensaje, pulse cualquier otra tecla o no cuelgue.',
      voicemailPrompt:
        'Después de la señal, diga su nombre, su empresa y una breve descripción del problema. ' +
        'Le responderemos por SMS dentro de nuestro horario de soporte.',
      noMessage: 'No hemos oído ningún mensaje. Adiós.',
      voicemailTaken: 'Gracias, su mensaje ha quedado registrado con el ticket {ticket}. Adiós.',
      voicemailTakenNoTicket: 'Gracias, su mensaje ha quedado registrado. Adiós.',
      apology:
        'Lo sentimos, algo ha fallado por nuestra parte. Vuelva a llamar, o escríbanos por correo electrónico.',
      languageOffer: 'Para español, pulse {key}.',
    },
  },
};

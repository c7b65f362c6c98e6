/** Name of the httpOnly cookie holding an agent's console session token. */
export const SESSION_COOKIE = 'handoff_agent';

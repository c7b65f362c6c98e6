/**
 * Services the composition root hands to flows (policy, status page, mailer, ...). Declared open
 * so that each service adds its own optional member here without the engine knowing it.
 */
export interface FlowServices {
  [name: string]: unknown;
}

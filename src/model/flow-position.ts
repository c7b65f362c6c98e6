/** Where a flow stopped to wait for the customer; stored on the conversation. */
export interface FlowPosition {
  flowId: string;
  step: string;
  data: Record<string, unknown>;
  /** When the flow reached this step; stale positions can be dropped. */
  at: number;
  /** The question the flow asked last, to ask again after a digression. */
  prompt?: { text: string; quickReplies?: { label: string; value: string }[] };
}

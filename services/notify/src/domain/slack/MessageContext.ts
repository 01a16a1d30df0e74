/** What message builders need besides the event: the stage, and a signed report link when there is one. */
export type MessageContext = {
  stage: string;
  /** The fleet link to the event's report (drift), signed and long-lived. */
  reportUrl?: string;
};

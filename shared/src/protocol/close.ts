/**
 * Close codes of the collaboration socket. 1000-1015 are RFC 6455 §7.4.1; 4000-4999 are
 * reserved for applications (RFC 6455 §7.4.2) and are ours.
 */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  /** RFC 6455: payload larger than the server accepts (sent by `ws` for maxPayload). */
  MessageTooBig: 1009,
  InternalError: 1011,
  /**
   * RFC 6455 / IANA: "try again later". Every load-related close (a client not reading what we
   * send, input arriving faster than we process it): stock clients reconnect after it, where they
   * treat 4400-4499 as final and would never send what they hold (issue 12).
   */
  TryAgainLater: 1013,
  MalformedMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  UnknownSession: 4404,
  DocumentTooLarge: 4413,
  UnknownMessageType: 4415,
  /** The update would put content outside the record's schema (unknown node, attribute or mark). */
  SchemaViolation: 4422,
  /** Refused at the socket's opening (early frames beyond the admission allowance). */
  RateLimited: 4429,
  /**
   * Too many of the sender's updates wait for changes the server does not have (causally
   * incomplete). Not final: on reconnecting, the sync exchange sends everything the client holds,
   * missing changes included, so an honest client recovers by itself.
   */
  PendingLimit: 4509,
} as const;
export type CloseCodeId = (typeof CloseCode)[keyof typeof CloseCode];

/** Human-readable reason sent with each close code (WebSocket reasons are at most 123 bytes). */
export const CloseReason: Record<CloseCodeId, string> = {
  [CloseCode.Normal]: 'closed',
  [CloseCode.GoingAway]: 'going away',
  [CloseCode.MessageTooBig]: 'message too big',
  [CloseCode.InternalError]: 'internal error',
  [CloseCode.TryAgainLater]: 'try again later',
  [CloseCode.MalformedMessage]: 'malformed message',
  [CloseCode.Unauthorized]: 'unauthorized',
  [CloseCode.Forbidden]: 'forbidden',
  [CloseCode.UnknownSession]: 'unknown session',
  [CloseCode.DocumentTooLarge]: 'document too large',
  [CloseCode.UnknownMessageType]: 'unknown message type',
  [CloseCode.SchemaViolation]: 'content outside the record schema',
  [CloseCode.RateLimited]: 'rate limit exceeded',
  [CloseCode.PendingLimit]: 'too many updates waiting for missing changes; reconnect to resync',
};

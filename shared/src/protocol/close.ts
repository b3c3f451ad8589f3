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
  /** RFC 6455 registry (IANA): the server cannot take the socket now; stock clients retry. */
  TryAgainLater: 1013,
  MalformedMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  UnknownSession: 4404,
  DocumentTooLarge: 4413,
  UnknownMessageType: 4415,
  Locked: 4423,
  RateLimited: 4429,
  SlowConsumer: 4408,
  ServerShutdown: 4503,
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
  [CloseCode.Locked]: 'session is final and locked',
  [CloseCode.RateLimited]: 'rate limit exceeded',
  [CloseCode.SlowConsumer]: 'client not reading fast enough',
  [CloseCode.ServerShutdown]: 'server shutting down',
};

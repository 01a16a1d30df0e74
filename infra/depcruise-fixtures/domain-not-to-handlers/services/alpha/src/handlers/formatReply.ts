/** A handler's helper that shapes the Lambda reply. */
export const formatReply = (verdict: string) => ({ statusCode: 200, body: verdict });

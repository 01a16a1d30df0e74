import { randomUUID } from 'node:crypto';
import { AwsServiceError } from '../http/AwsServiceError.js';
import type { HttpHandler, HttpResponse } from '../http/startHttpServer.js';

/** The part of LocalScheduler the HTTP layer needs. */
export type SchedulerOperations = {
  handle: (operation: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;
};

const respond = (status: number, payload: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...headers },
  body: JSON.stringify(payload),
});

const ROUTES: Record<string, Record<string, string>> = {
  schedules: { POST: 'CreateSchedule', PUT: 'UpdateSchedule', GET: 'GetSchedule', DELETE: 'DeleteSchedule' },
  'schedule-groups': { POST: 'CreateScheduleGroup', GET: 'GetScheduleGroup', DELETE: 'DeleteScheduleGroup' },
};

const parseBody = (body: string): Record<string, unknown> => {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AwsServiceError('SerializationException', 'The request body is not a JSON object', 400);
};

/**
 * Serves the EventBridge Scheduler restJson1 protocol: `/schedules/{Name}` (POST create, PUT
 * update, GET, DELETE with `?groupName=`), `GET /schedules`, `GET /schedule-groups` and
 * `/schedule-groups/{Name}`.
 *
 * Errors carry the code in the `x-amzn-ErrorType` header and `{"Message": "..."}` in the body,
 * with the status the API model gives each error (400, 404, 409, ...).
 */
export const schedulerHttpHandler =
  (scheduler: SchedulerOperations): HttpHandler =>
  async (request) => {
    try {
      const segments = request.path.split('/').filter((segment) => segment !== '');
      const query = request.query;
      let operation: string | undefined;
      let input: Record<string, unknown> = {};
      if (segments.length === 1 && segments[0] === 'schedules' && request.method === 'GET') {
        operation = 'ListSchedules';
        const maxResults = query.get('MaxResults');
        input = {
          GroupName: query.get('ScheduleGroup') ?? undefined,
          NamePrefix: query.get('NamePrefix') ?? undefined,
          State: query.get('State') ?? undefined,
          NextToken: query.get('NextToken') ?? undefined,
          MaxResults: maxResults === null ? undefined : /^\d+$/.test(maxResults) ? Number(maxResults) : maxResults,
        };
      } else if (segments.length === 1 && segments[0] === 'schedule-groups' && request.method === 'GET') {
        operation = 'ListScheduleGroups';
        const maxResults = query.get('MaxResults');
        input = {
          NamePrefix: query.get('NamePrefix') ?? undefined,
          NextToken: query.get('NextToken') ?? undefined,
          MaxResults: maxResults === null ? undefined : /^\d+$/.test(maxResults) ? Number(maxResults) : maxResults,
        };
      } else if (segments.length === 2 && ROUTES[segments[0]]?.[request.method]) {
        operation = ROUTES[segments[0]][request.method];
        let name: string;
        try {
          name = decodeURIComponent(segments[1]);
        } catch {
          throw new AwsServiceError('ValidationException', `Invalid path ${request.path}`, 400);
        }
        input = {
          ...(request.method === 'POST' || request.method === 'PUT' ? parseBody(request.body) : {}),
          Name: name,
        };
        const groupName = query.get('groupName');
        if (groupName !== null) input.GroupName = groupName;
        const clientToken = query.get('clientToken');
        if (clientToken !== null) input.ClientToken = clientToken;
      }
      if (!operation) {
        throw new AwsServiceError(
          'UnknownOperationException',
          `No operation at ${request.method} ${request.path}`,
          404,
        );
      }
      return respond(200, await scheduler.handle(operation, input));
    } catch (error) {
      if (error instanceof AwsServiceError) {
        return respond(error.statusCode, { Message: error.message }, { 'x-amzn-errortype': error.code });
      }
      throw error;
    }
  };

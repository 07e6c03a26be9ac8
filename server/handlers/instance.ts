// The instance: `GET /` (a greeting with the URLs of the main lists) and the public `GET /statistics`.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { formatTimestamp, toApiTimestamp } from '../present/dates.js';
import { instanceFigures } from '../store/instance.js';
import { listUrl, type Handler } from './shared.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const getApiRootHandler: Handler<'getApiRoot'> = ({ context }) => {
  const url = (path: string) => listUrl(context, path);
  return {
    status: 200,
    body: {
      success: { message: 'Welcome to Monica' },
      links: {
        activities_url: url('/activities'),
        addresses_url: url('/addresses'),
        calls_url: url('/calls'),
        contacts_url: url('/contacts'),
        conversations_url: url('/conversations'),
        countries_url: url('/countries'),
        currencies_url: url('/currencies'),
        documents_url: url('/documents'),
        journal_url: url('/journal'),
        notes_url: url('/notes'),
        relationships_url: url('/contacts/:contactId/relationships'),
        reminders_url: url('/reminders'),
        statistics_url: url('/statistics'),
      },
    },
  };
};

/**
 * Public (no caller), and only where the instance allows it: otherwise 404, as Monica answers with its setting off.
 * Monica reads its latest daily statistics record; here the counts are the current ones. Last week's new users are
 * those made after Monday of last week and by the end of its Sunday (Monica subtracts Monday's record from
 * Sunday's), 0 when the instance did not exist yet on that Monday.
 */
const getStatisticsHandler: Handler<'getStatistics'> = ({ context }) => {
  if (context.publicStatistics === false) throw notFound();
  const now = context.now();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const thisMonday = today - ((now.getUTCDay() + 6) % 7) * DAY_MS;
  const lastTuesday = thisMonday - 6 * DAY_MS;
  const figures = instanceFigures(context.db, formatTimestamp(new Date(lastTuesday)), formatTimestamp(new Date(thisMonday)));
  const createdAt = figures.created_at ?? formatTimestamp(now);
  const existedLastMonday = Date.parse(createdAt) < lastTuesday;
  return {
    status: 200,
    body: [
      {
        instance_creation_date: toApiTimestamp(createdAt)!,
        number_of_contacts: figures.contacts,
        number_of_users: figures.users,
        number_of_activities: figures.activities,
        number_of_reminders: figures.reminders,
        number_of_new_users_last_week: existedLastMonday ? figures.new_users : 0,
      },
    ],
  };
};

export const instanceHandlers = {
  getApiRoot: getApiRootHandler,
  getStatistics: getStatisticsHandler,
} satisfies Partial<Handlers<Context>>;

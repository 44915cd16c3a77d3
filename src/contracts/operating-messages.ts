import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { named } from './named';

/**
 * Operating messages (driftmeddelanden): what the operator tells every user — information, a
 * warning or a fault — between a start and an end time. Set by configuration on the Node
 * server and through the testability API; shown under the header on every page. Plain text,
 * never HTML.
 */

export const operatingMessageSeveritySchema = named(
  'OperatingMessageSeverity',
  z.enum(['information', 'warning', 'fault'], {
    error: 'Allvarlighetsgraden ska vara information, warning eller fault.',
  }),
);
export type OperatingMessageSeverity = z.infer<typeof operatingMessageSeveritySchema>;

/** What each severity is called where the message is shown. */
export const operatingMessageSeverityLabels = {
  information: 'Information',
  warning: 'Varning',
  fault: 'Driftstörning',
} as const satisfies Record<OperatingMessageSeverity, string>;

export const operatingMessageSchema = named(
  'OperatingMessage',
  z
    .object({
      /** Stable while the message is the same; the app remembers a closed message by it. */
      id: z
        .string()
        .regex(
          /^[A-Za-z0-9_-]{1,64}$/,
          'Meddelandets id ska vara 1–64 bokstäver (a–z), siffror, - eller _.',
        ),
      severity: operatingMessageSeveritySchema,
      text: z
        .string()
        .trim()
        .min(1, 'Meddelandet saknar text.')
        .max(500, 'Meddelandets text får vara högst 500 tecken.'),
      startsAt: isoDateTimeSchema,
      endsAt: isoDateTimeSchema,
    })
    .refine((message) => Date.parse(message.startsAt) < Date.parse(message.endsAt), {
      message: 'Meddelandets sluttid ska vara efter dess starttid.',
      path: ['endsAt'],
    }),
);
export type OperatingMessage = z.infer<typeof operatingMessageSchema>;

/** A list of messages, each id once. */
export const operatingMessageListSchema = z
  .array(operatingMessageSchema)
  .max(20, 'Högst 20 driftmeddelanden.')
  .refine((messages) => new Set(messages.map((message) => message.id)).size === messages.length, {
    message: 'Två driftmeddelanden har samma id.',
  });

/** GET /api/operating-messages (public): the messages in force now, by the backend's clock. */
export const operatingMessagesResponseSchema = named(
  'OperatingMessagesResponse',
  z.object({ messages: z.array(operatingMessageSchema) }),
);
export type OperatingMessagesResponse = z.infer<typeof operatingMessagesResponseSchema>;

/** POST /api/testability/operating-messages: replaces the messages the testers have set. */
export const setOperatingMessagesRequestSchema = named(
  'SetOperatingMessagesRequest',
  z.object({ messages: operatingMessageListSchema }),
);
export type SetOperatingMessagesRequest = z.infer<typeof setOperatingMessagesRequestSchema>;

// Turns JSON-schema validation errors into sentences in the style of Monica's (Laravel's) messages.

export interface SchemaError {
  /** Where the problem is, e.g. `/body/first_name` or `.query.limit`. */
  path: string;
  message: string;
  errorCode?: string;
}

/** `first_name` -> `first name`; array positions are kept as `tags.0`. */
function fieldName(path: string): string {
  const parts = path.replace(/^[./]?(body|query|params|path)[./]?/, '').split(/[./]/).filter(Boolean);
  return parts.join('.').replace(/_/g, ' ') || 'body';
}

export function describeSchemaError(error: SchemaError): string {
  const field = fieldName(error.path);
  const kind = (error.errorCode ?? '').split('.')[0];
  const m = error.message;
  switch (kind) {
    case 'required': {
      // Some validators point at the object, others at the missing property itself.
      const missing = /must have required property '([^']+)'/.exec(m)?.[1]?.replace(/_/g, ' ');
      const name = !missing || field === missing || field.endsWith(`.${missing}`) ? field : field === 'body' ? missing : `${field}.${missing}`;
      return `The ${name} field is required.`;
    }
    case 'type': {
      // Laravel's sentences for its type rules; the first type named is the one a client was expected to send.
      const type = /^must be (\w+)/.exec(m)?.[1];
      if (type === 'boolean') return `The ${field} field must be true or false.`;
      const laravel: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', array: 'an array', object: 'an object' };
      return type && laravel[type] ? `The ${field} must be ${laravel[type]}.` : `The ${field} ${m}.`;
    }
    case 'maxLength': {
      const n = /NOT have more than (\d+)/.exec(m)?.[1];
      return n ? `The ${field} may not be greater than ${n} characters.` : `The ${field} is too long.`;
    }
    case 'minLength':
      return `The ${field} field is required.`;
    case 'enum':
      return `The selected ${field} is invalid.`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `The ${field} ${m}.`;
    case 'pattern':
      // `\S` is how the spec says "not only spaces": for the client that is a missing value.
      if (m.includes('"\\S"')) return `The ${field} field is required.`;
      return `The ${field} format is invalid.`;
    case 'format':
      // Laravel's wording for its date rules, which Monica clients already show to people.
      if (m.includes('"date"')) return `The ${field} does not match the format Y-m-d.`;
      if (m.includes('"date-time"')) return `The ${field} is not a valid date.`;
      return `The ${field} format is invalid.`;
    default:
      return `The ${field} ${m.replace(/^must /, 'must ')}.`;
  }
}

const kindOf = (error: SchemaError) => (error.errorCode ?? '').split('.')[0];

/**
 * A lenient date (an `anyOf` of date formats) that matches none of them: its branches' errors, one per format, read
 * as Laravel's single sentence for its `date` rule.
 */
function unmatchedDatePaths(errors: SchemaError[]): Set<string> {
  const anyOf = new Set(errors.filter((e) => kindOf(e) === 'anyOf').map((e) => e.path));
  return new Set(errors.filter((e) => anyOf.has(e.path) && kindOf(e) === 'format' && /"date(-time)?"/.test(e.message)).map((e) => e.path));
}

/** One sentence per problem, without repeats (oneOf/anyOf branches often report the same field twice). */
export function describeSchemaErrors(errors: SchemaError[]): string[] {
  const dates = unmatchedDatePaths(errors);
  return [...new Set(errors.map((e) => (dates.has(e.path) ? `The ${fieldName(e.path)} is not a valid date.` : describeSchemaError(e))))];
}

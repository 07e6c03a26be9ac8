// The sentences a JSON-schema type error becomes: Laravel's wording for its type rules, which Monica clients show.
import { describe, expect, it } from 'vitest';
import { describeSchemaError } from '../server/http/validationMessages.js';

const typeError = (message: string) => describeSchemaError({ path: '/body/first_name', message, errorCode: 'type.openapi.validation' });

describe('type errors in Laravel words', () => {
  it.each([
    ['must be string', 'The first name must be a string.'],
    ['must be string,null', 'The first name must be a string.'],
    ['must be integer', 'The first name must be an integer.'],
    ['must be number', 'The first name must be a number.'],
    ['must be array', 'The first name must be an array.'],
    ['must be object', 'The first name must be an object.'],
    ['must be boolean', 'The first name field must be true or false.'],
    // A type Laravel has no rule for keeps the schema's own words.
    ['must be null', 'The first name must be null.'],
  ])('%s', (message, sentence) => {
    expect(typeError(message)).toBe(sentence);
  });
});

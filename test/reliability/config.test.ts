// The limit, timeout and CORS settings: read from flags and environment variables, flags first, with defaults,
// and refused with a clear message when they make no sense.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_TIMEOUTS, parseSize, readConfig } from '../../server/config.js';
import { startServer } from '../../server/start.js';

describe('limits, timeouts and CORS settings', () => {
  it('default to documented values', () => {
    const config = readConfig([], {});
    expect(config.limits).toEqual({ bodyBytes: 1_048_576, uploadBytes: 10_485_760, urlBytes: 8192, queryParams: 50, headerBytes: 16_384 });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.timeouts).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000, shutdownMs: 10_000 });
    expect(config.timeouts).toEqual(DEFAULT_TIMEOUTS);
    expect(config.corsOrigins).toEqual(['*']);
  });

  it('come from the environment', () => {
    const config = readConfig([], {
      BODY_LIMIT: '2mb',
      UPLOAD_LIMIT: '512kb',
      URL_LIMIT: '4096',
      QUERY_PARAM_LIMIT: '20',
      HEADER_LIMIT: '32kb',
      HEADERS_TIMEOUT: '2000',
      REQUEST_TIMEOUT: '4000',
      KEEP_ALIVE_TIMEOUT: '1000',
      SHUTDOWN_TIMEOUT: '3000',
      CORS_ORIGINS: 'https://app.example.org, http://localhost:5173/',
    });
    expect(config.limits).toEqual({ bodyBytes: 2 * 1_048_576, uploadBytes: 524_288, urlBytes: 4096, queryParams: 20, headerBytes: 32_768 });
    expect(config.timeouts).toEqual({ headersMs: 2000, requestMs: 4000, keepAliveMs: 1000, shutdownMs: 3000 });
    expect(config.corsOrigins).toEqual(['https://app.example.org', 'http://localhost:5173']);
  });

  it('take flags over the environment', () => {
    const config = readConfig(
      ['--body-limit', '10kb', '--upload-limit=1mb', '--url-limit', '1kb', '--query-param-limit', '5', '--header-limit', '8kb',
        '--headers-timeout', '100', '--request-timeout', '200', '--keep-alive-timeout', '50', '--shutdown-timeout', '70',
        '--cors-origins', 'https://only.example.org'],
      { BODY_LIMIT: '2mb', QUERY_PARAM_LIMIT: '20', HEADERS_TIMEOUT: '2000', CORS_ORIGINS: '*' },
    );
    expect(config.limits).toEqual({ bodyBytes: 10_240, uploadBytes: 1_048_576, urlBytes: 1024, queryParams: 5, headerBytes: 8192 });
    expect(config.timeouts).toEqual({ headersMs: 100, requestMs: 200, keepAliveMs: 50, shutdownMs: 70 });
    expect(config.corsOrigins).toEqual(['https://only.example.org']);
  });

  it('refuse nonsense with a message that names the setting', async () => {
    expect(() => parseSize('lots', 'the body limit')).toThrow(/the body limit must be a size/);
    expect(() => readConfig([], { UPLOAD_LIMIT: '10 gigs' })).toThrow(/upload limit/);
    expect(() => readConfig(['--query-param-limit', '0'], {})).toThrow(/query parameter limit/);
    expect(() => readConfig(['--headers-timeout', '5000', '--request-timeout', '1000'], {})).toThrow(/headers timeout .* may not be longer/);
    expect(() => readConfig([], { CORS_ORIGINS: 'app.example.org' })).toThrow(/CORS origin/);
    await expect(startServer({ timeouts: { headersMs: 5000, requestMs: 1000 }, log: () => {} })).rejects.toThrow(/headers timeout/);
  });
});

import { pinoHttp, type Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { loggerOptions, redactUrl } from './logger.options';

describe('redactUrl', () => {
  it.each([
    ['/accept-invite?realm=platform&token=s3cr3t', '/accept-invite?realm=platform&token=[redacted]'],
    ['/api/v1/x?code=123456&key=keel_abc&api_key=k&refresh_token=r', '/api/v1/x?code=[redacted]&key=[redacted]&api_key=[redacted]&refresh_token=[redacted]'],
    ['/api/v1/x?Token=a&PASSWORD=b&client_secret=c&signature=d', '/api/v1/x?Token=[redacted]&PASSWORD=[redacted]&client_secret=[redacted]&signature=[redacted]'],
    // Percent-encoded names are decoded before they are judged.
    ['/api/v1/x?t%6Fken=a', '/api/v1/x?t%6Fken=[redacted]'],
    ['/api/v1/x?token', '/api/v1/x?token=[redacted]'],
  ])('redacts the secret parameters of %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it.each(['/api/v1/platform/orgs?search=acme&sort=-name&page=2', '/api/v1/platform/orgs', '/api/v1/x?q=%E0%A4%A'])('leaves %s as it is', (url) => {
    expect(redactUrl(url)).toBe(url);
  });
});

describe('loggerOptions', () => {
  it('keeps what a failed query or an unparsable body carried out of error logs', () => {
    const lines: string[] = [];
    const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
    const [options, stream] = loggerOptions({ logLevel: 'info' } as AppConfig, destination).pinoHttp as [Options, DestinationStream];
    const queryError = Object.assign(new Error('duplicate key value violates unique constraint'), { query: 'INSERT INTO sessions …', parameters: ['refresh-token-hash', 'secret-value'] });
    const bodyError = Object.assign(new Error('Unexpected end of JSON input'), { type: 'entity.parse.failed', body: '{"password":"hunter2hunter2"' });

    const logger = pinoHttp(options, stream).logger;
    logger.error({ err: queryError, request_id: 'r1' }, 'Unhandled error');
    logger.error({ err: bodyError }, 'Unhandled error');

    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toMatch(/secret-value|refresh-token-hash|hunter2/);
    expect(JSON.parse(lines[0]).err).toMatchObject({ message: 'duplicate key value violates unique constraint', parameters: '[redacted]' });
    expect(JSON.parse(lines[1]).err).toMatchObject({ message: 'Unexpected end of JSON input', body: '[redacted]' });
  });
});

import { redactUrl } from './logger.options';

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

import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../config/app-config';

/**
 * The Content-Security-Policy of every answer: the console (and Swagger UI) load code only from
 * this origin, never inline or eval'd, talk only to this origin and cannot be framed.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // Mantine writes its CSS variables and responsive style props into <style> elements at run time and
  // sets style attributes on components (as do Recharts and Swagger UI); a nonce cannot cover style
  // attributes and would need a per-request index.html. Inline CSS cannot run code; scripts stay strict.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data: for the TOTP enrollment QR code (an SVG data URL) and Swagger UI's icons.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // The demo outbox shows mail HTML in a sandboxed srcdoc frame: it inherits this policy, and
  // frame-src (default-src 'self') does not apply to srcdoc documents, which fetch nothing.
} as const;

// Browser features the console never uses, refused to it and to anything it might embed.
const PERMISSIONS_POLICY = ['accelerometer', 'camera', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb'].map((feature) => `${feature}=()`).join(', ');

/**
 * Helmet's headers with Keel's policy, plus Permissions-Policy. HSTS only in production (demo mode
 * runs over plain http). docker/nginx/keel-security-headers.conf repeats them for nginx; test/docker.api-spec.ts keeps both equal.
 */
export function securityHeaders(config: AppConfig): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: config.mode === 'production' ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    }),
    (_request: Request, response: Response, next: NextFunction) => {
      response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    },
  ];
}

/**
 * CORS for the origins listed in CORS_ORIGINS only: they get Access-Control-Allow-Origin (with
 * credentials) and an answered preflight; any other origin gets no CORS header at all, so the
 * browser keeps its same-origin rule. The console itself is same-origin and needs no entry.
 */
export function corsOptions(config: AppConfig): CorsOptions | undefined {
  if (config.corsOrigins.length === 0) return undefined;
  const allowed = new Set(config.corsOrigins);
  return {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'X-Keel-CSRF'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed', 'Content-Disposition'],
    maxAge: 600,
  };
}

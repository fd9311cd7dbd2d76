import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenPairDto {
  @ApiProperty({ description: 'ES256 JWT, valid 15 minutes' })
  access_token: string;

  /** Absent when the refresh token was set as the `keel_refresh` cookie. */
  @ApiPropertyOptional()
  refresh_token?: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expires_in: number;

  /** Only in the answer that completes TOTP enrollment: ten one-time codes, shown once. */
  @ApiPropertyOptional({ type: [String] })
  recovery_codes?: string[];
}

export class MfaRequiredDto {
  @ApiProperty({ enum: [true] })
  mfa_required: true;

  @ApiProperty()
  mfa_token: string;
}

export class MfaEnrollmentRequiredDto {
  @ApiProperty({ enum: [true] })
  mfa_enrollment_required: true;

  @ApiProperty()
  mfa_token: string;
}

export type LoginResult = TokenPairDto | MfaRequiredDto | MfaEnrollmentRequiredDto;

export class MfaEnrollmentDto {
  /** Base32 TOTP secret, for typing into an authenticator. */
  @ApiProperty()
  secret: string;

  /** `otpauth://` URI, for a QR code. */
  @ApiProperty()
  otpauth_url: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['super_admin', 'support_admin', 'owner', 'admin', 'operator', 'viewer'] }) role: string;
  @ApiProperty() mfa_enabled: boolean;
  /** Tenant users only. */
  @ApiPropertyOptional({ format: 'uuid' }) org_id?: string;
}

export class JwksDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  keys: object[];
}

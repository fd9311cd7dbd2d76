import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@keel/shared';
import { NormalizeEmail, Trim } from '../../../common/http/trim.decorator';

class CookieModeDto {
  /** Ask for the refresh token as the httpOnly `keel_refresh` cookie instead of in the body (browsers). */
  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  cookie?: boolean;
}

export class LoginDto extends CookieModeDto {
  @ApiProperty({ example: 'admin@keel.local', maxLength: 320, format: 'email' })
  @NormalizeEmail() @IsEmail() @MaxLength(320)
  email: string;

  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class MfaEnrollDto {
  /** The `mfa_token` returned by login. */
  @ApiProperty()
  @IsString() @IsNotEmpty() @MaxLength(4096)
  mfa_token: string;
}

export class MfaVerifyDto extends CookieModeDto {
  @ApiProperty()
  @IsString() @IsNotEmpty() @MaxLength(4096)
  mfa_token: string;

  /** The current 6-digit TOTP code, or one of the recovery codes. */
  @ApiProperty({ example: '123456', maxLength: 64 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(64)
  code: string;
}

export class RefreshDto extends CookieModeDto {
  /** Required unless `cookie` is true (then the `keel_refresh` cookie and the X-Keel-CSRF header are used). */
  @ApiPropertyOptional()
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(512)
  refresh_token?: string;
}

export class LogoutDto extends RefreshDto {}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH)
  current_password: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  new_password: string;
}

export class AcceptInviteDto {
  @ApiProperty()
  @Trim() @IsString() @IsNotEmpty() @MaxLength(512)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ maxLength: 320, format: 'email' })
  @NormalizeEmail() @IsEmail() @MaxLength(320)
  email: string;
}

export class PasswordResetConfirmDto extends AcceptInviteDto {}

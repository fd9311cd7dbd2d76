import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@keel/shared';
import { NormalizeEmail, Trim } from '../../../common/http/trim.decorator';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;

export class SignupDto {
  @ApiProperty({ maxLength: 200 })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  org_name: string;

  /** Lower-case letters, digits and hyphens, 3–63 characters. */
  @ApiProperty({ example: 'acme', minLength: 3, maxLength: 63, pattern: SLUG_PATTERN.source })
  @Trim() @IsString() @Matches(SLUG_PATTERN, { message: 'slug must be 3–63 lower-case letters, digits or hyphens, not starting or ending with a hyphen' })
  slug: string;

  @ApiProperty({ maxLength: 320, format: 'email' })
  @NormalizeEmail() @IsEmail() @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class SignupResultDto {
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: ['pending'], description: 'The owner can sign in once the platform team approves the organization' }) status: 'pending';
}

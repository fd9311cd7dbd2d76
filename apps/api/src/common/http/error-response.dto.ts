import { ApiProperty } from '@nestjs/swagger';

/** The body of every error answer. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: 'email must be an email' })
  message: string | string[];

  @ApiProperty({ description: 'Matches the X-Request-Id response header' })
  request_id: string;
}

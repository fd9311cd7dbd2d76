import { ApiProperty } from '@nestjs/swagger';

export class ActiveSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) user_id: string;
  @ApiProperty() user_email: string;
  @ApiProperty({ format: 'uuid' }) org_id: string;
  @ApiProperty() org_name: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) user_agent: string | null;
}

export class ActiveSessionListDto {
  @ApiProperty({ type: [ActiveSessionDto] }) items: ActiveSessionDto[];
}

export class MySessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) last_used_at: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) user_agent: string | null;
  /** The session this request was made with. */
  @ApiProperty() current: boolean;
}

export class MySessionListDto {
  @ApiProperty({ type: [MySessionDto] }) items: MySessionDto[];
}

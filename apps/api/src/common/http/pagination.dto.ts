import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `limit` with `offset` or 1-based `page` (SPEC §2). */
export class PaginationQueryDto {
  /** Page size, 1–200 (default 50). */
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  /** 1-based page number. */
  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  page?: number;

  /** Rows to skip; wins over `page`. */
  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000_000)
  offset?: number;
}

export class PaginationDto {
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: String, nullable: true }) next_cursor: string | null;
}

export function resolvePage(query: PaginationQueryDto): { limit: number; offset: number; page: number } {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const offset = query.offset ?? ((query.page ?? 1) - 1) * limit;
  return { limit, offset, page: Math.floor(offset / limit) + 1 };
}

export function pagination(page: { limit: number; page: number }, total: number): PaginationDto {
  return { page: page.page, limit: page.limit, total, next_cursor: null };
}

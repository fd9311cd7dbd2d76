import { ApiProperty } from '@nestjs/swagger';
import { PaginationDto } from '../../../common/http/pagination.dto';

export class AnomalyAlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) account_id: string;
  @ApiProperty({ format: 'date-time' }) detected_at: string;
  @ApiProperty() service: string;
  @ApiProperty() expected_amount: number;
  @ApiProperty() actual_amount: number;
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) severity: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: string;
}

export class AnomalyAlertListDto {
  @ApiProperty({ type: [AnomalyAlertDto] }) items: AnomalyAlertDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

export class RecommendationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) account_id: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() estimated_monthly_savings: number;
  @ApiProperty({ enum: ['open', 'dismissed', 'applied'] }) status: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export class RecommendationListDto {
  @ApiProperty({ type: [RecommendationDto] }) items: RecommendationDto[];
  @ApiProperty({ type: PaginationDto }) pagination: PaginationDto;
}

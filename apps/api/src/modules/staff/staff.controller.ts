import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoApiKeys, PlatformAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { EmptyBodyDto } from '../../common/http/empty-body.dto';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { ChangeStaffRoleDto, CreateStaffUserDto, StaffUserDto, StaffUserListDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('platform-staff')
@Controller('platform/users')
@PlatformAccess('super_admin')
@NoApiKeys()
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ operationId: 'listStaffUsers', summary: 'Staff accounts' })
  @ApiOkResponse({ type: StaffUserListDto })
  list(@Query() query: PaginationQueryDto): Promise<StaffUserListDto> {
    return this.staff.list(query);
  }

  @Post()
  @Audit('platform.user_created')
  @ApiOperation({ operationId: 'createStaffUser', summary: 'Invite a staff member by e-mail' })
  @ApiCreatedResponse({ type: StaffUserDto })
  @ApiConflictResponse({ description: 'The e-mail is taken', type: ErrorResponseDto })
  create(@Body() body: CreateStaffUserDto): Promise<StaffUserDto> {
    return this.staff.create(body);
  }

  @Patch(':id/role')
  @Audit('platform.user_role_changed')
  @ApiOperation({ operationId: 'changeStaffUserRole', summary: 'Promote or demote; their sessions end' })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Would leave no active super_admin', type: ErrorResponseDto })
  changeRole(@Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeStaffRoleDto): Promise<StaffUserDto> {
    return this.staff.changeRole(id, body.role);
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @Audit('platform.user_disabled')
  @ApiOperation({ operationId: 'disableStaffUser', summary: 'Disable a staff account; its sessions end' })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Would leave no active super_admin', type: ErrorResponseDto })
  disable(@Param('id', ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto): Promise<StaffUserDto> {
    return this.staff.disable(id);
  }
}

import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { ChangeMemberRoleDto, InviteMemberDto, MemberDto, MemberListDto } from './dto/member.dto';
import { MembersService } from './members.service';

@ApiTags('org')
@Controller('org/members')
@TenantAccess('owner', 'admin')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ operationId: 'listOrgMembers', summary: 'Members of the organization' })
  @ApiOkResponse({ type: MemberListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto): Promise<MemberListDto> {
    return this.members.list(principal.orgId!, query);
  }

  @Post()
  @Audit('user.invited')
  @ApiOperation({ operationId: 'inviteOrgMember', summary: 'Invite a member by e-mail' })
  @ApiCreatedResponse({ type: MemberDto })
  @ApiConflictResponse({ description: 'The e-mail already belongs to a Keel account', type: ErrorResponseDto })
  invite(@CurrentPrincipal() principal: Principal, @Body() body: InviteMemberDto): Promise<MemberDto> {
    return this.members.invite(principal, body);
  }

  @Patch(':id/role')
  @Audit('user.role_changed')
  @ApiOperation({ operationId: 'changeOrgMemberRole', summary: "Change a member's role; their sessions end" })
  @ApiOkResponse({ type: MemberDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Would leave the organization without an owner', type: ErrorResponseDto })
  changeRole(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: ChangeMemberRoleDto): Promise<MemberDto> {
    return this.members.changeRole(principal, id, body.role);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('user.removed')
  @ApiOperation({ operationId: 'removeOrgMember', summary: 'Remove a member from the organization' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Would leave the organization without an owner', type: ErrorResponseDto })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.members.remove(principal, id);
  }
}

import { Global, Module } from '@nestjs/common';
import { OrgCountersService } from './org-counters.service';
import { OrgLifecycleService } from './org-lifecycle.service';
import { OrgPurgeService } from './org-purge.service';
import { PlatformOrgsController } from './platform-orgs.controller';
import { PlatformOrgsQueryService } from './platform-orgs-query.service';

@Global()
@Module({
  controllers: [PlatformOrgsController],
  providers: [OrgCountersService, OrgLifecycleService, OrgPurgeService, PlatformOrgsQueryService],
  exports: [OrgCountersService, OrgLifecycleService, OrgPurgeService],
})
export class OrgsModule {}

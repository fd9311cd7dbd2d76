import { Global, Module } from '@nestjs/common';
import { OrgCountersService } from './org-counters.service';

@Global()
@Module({ providers: [OrgCountersService], exports: [OrgCountersService] })
export class OrgsModule {}

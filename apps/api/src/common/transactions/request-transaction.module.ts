import { Global, Module } from '@nestjs/common';
import { RequestTransaction } from './request-transaction.service';

@Global()
@Module({ providers: [RequestTransaction], exports: [RequestTransaction] })
export class RequestTransactionModule {}

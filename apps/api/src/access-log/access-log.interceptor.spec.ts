import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { of } from 'rxjs';
import { AccessLogInterceptor } from './access-log.interceptor.js';
import type { AccessLogService } from './access-log.service.js';

describe('AccessLogInterceptor', () => {
  it('refuses to answer a route that binds it without @RecordsAccess: it would not know what to record', () => {
    const unmarked = (): number => 1;
    const context = {
      getHandler: () => unmarked,
      getType: () => 'http',
    } as unknown as ExecutionContext;
    const interceptor = new AccessLogInterceptor(new Reflector(), {} as AccessLogService);
    expect(() => interceptor.intercept(context, { handle: () => of(1) })).toThrow(
      'AccessLogInterceptor bound without @RecordsAccess',
    );
  });
});

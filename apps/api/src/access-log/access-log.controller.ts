import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accessLogExportQuerySchema,
  accessLogPageSchema,
  accessLogQuerySchema,
  type AccessLogExportQuery,
  type AccessLogPage,
  type AccessLogQuery,
} from '@dondoc/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import { AccessLogService } from './access-log.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The record of access, for the Inspection Committee (Ủy ban Kiểm tra) and the administrator. Reading it is not
 * itself recorded: it holds codes and ids, never a classified title or content.
 */
@ApiTags('access-log')
@Roles('inspector', 'admin')
@Controller()
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @ApiEndpoint({
    summary: 'The record of access: who read which classified item, when, from where; newest first',
    description:
      'Every read of a classified task, directive or file (a list entry, a detail, a download, an export, a report ' +
      'row) writes a row, which the database keeps unchangeable; with ACCESS_LOG_ALL=true, reads of every task too.',
    query: accessLogQuerySchema,
    ok: { schema: accessLogPageSchema },
  })
  @Get('access-log')
  list(@Query(new ZodPipe(accessLogQuerySchema)) query: AccessLogQuery): Promise<AccessLogPage> {
    return this.accessLog.list(query);
  }

  @ApiEndpoint({
    summary: 'The record of access as an Excel workbook: every row the filters match, newest first',
    description: 'At most 50 000 rows, the newest; the sheet says how many matched.',
    query: accessLogExportQuerySchema,
    ok: {
      media: { [XLSX]: { type: 'string', contentMediaType: 'application/octet-stream' } },
      headers: {
        'Content-Disposition': {
          description: 'attachment, with the Vietnamese file name (RFC 5987 `filename*`)',
          schema: { type: 'string' },
        },
      },
    },
  })
  @Get('access-log.xlsx')
  async exportXlsx(
    @Query(new ZodPipe(accessLogExportQuerySchema)) query: AccessLogExportQuery,
  ): Promise<StreamableFile> {
    const file = await this.accessLog.workbook(query);
    return new StreamableFile(file.body, { type: XLSX, length: file.body.length, disposition: file.disposition });
  }
}

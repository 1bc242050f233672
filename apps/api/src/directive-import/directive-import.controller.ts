import { Body, Controller, HttpCode, Post, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import {
  confirmDirectiveImportRequestSchema,
  directiveImportRequestSchema,
  type ConfirmDirectiveImportRequest,
  type ConfirmDirectiveImportResponse,
  type DirectiveImportProposal,
  type DirectiveImportRequest,
  directiveImportProposalSchema,
  confirmDirectiveImportResponseSchema,
} from '@dondoc/contracts';
import type { Request } from 'express';
import { ApiEndpoint } from '../openapi/api-endpoint.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { requestIdOf } from '../common/request-id.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import type { UploadedDocument } from './document-text.js';
import { DirectiveImportService } from './directive-import.service.js';

@ApiTags('directives')
@Controller('directives/import')
export class DirectiveImportController {
  constructor(private readonly imports: DirectiveImportService) {}

  /**
   * Pasted text (JSON `{text}`) or an uploaded `.txt`/`.docx`/`.pdf`, or a scan (`.pdf` without text, `.png`,
   * `.jpg`, `.tif`) read by OCR (multipart `file`) → a proposal; saves nothing.
   */
  @ApiEndpoint({
    summary:
      'Read a directive (pasted text, .txt, .docx, .pdf, or a scan read by OCR) into a proposal of tasks; saves nothing',
    body: directiveImportRequestSchema,
    multipart: {
      properties: {
        file: {
          type: 'string',
          contentMediaType: 'application/octet-stream',
          description:
            '.txt, .docx or .pdf, or a scanned .pdf/.png/.jpg/.tif read by OCR (tesseract, Vietnamese; at most 30 ' +
            'pages and 40 megapixels a page), up to 10 MB',
        },
      },
      required: ['file'],
    },
    ok: { schema: directiveImportProposalSchema },
    errors: {
      400: ['EMPTY_DOCUMENT'],
      413: ['PAYLOAD_TOO_LARGE'],
      415: ['UNSUPPORTED_FILE_TYPE'],
      422: ['PDF_HAS_NO_TEXT', 'NO_TASKS_FOUND'],
      503: ['OCR_UNAVAILABLE', 'SERVICE_UNAVAILABLE'],
    },
  })
  @Roles('office')
  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  propose(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(directiveImportRequestSchema)) body: DirectiveImportRequest,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<DirectiveImportProposal> {
    return this.imports.propose(user.id, { text: body.text, file });
  }

  /** The (edited) proposal → the directive and its tasks in `drafted`, in one transaction. */
  @ApiEndpoint({
    summary: 'Register the (edited) proposal: the directive and its tasks, drafted, in one transaction',
    body: confirmDirectiveImportRequestSchema,
    ok: { status: 201, schema: confirmDirectiveImportResponseSchema },
    errors: {
      400: ['UNKNOWN_AGENCY', 'IMPORT_ASSIGN_INCOMPLETE', 'MILESTONE_DATE_INVALID', 'CONTENT_REFERENCE_REQUIRED'],
      409: ['DIRECTIVE_EXISTS', 'DUPLICATE', 'BULK_REFUSED'],
    },
  })
  @Roles('office')
  @Post('confirm')
  confirm(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(confirmDirectiveImportRequestSchema)) body: ConfirmDirectiveImportRequest,
    @Req() req: Request,
  ): Promise<ConfirmDirectiveImportResponse> {
    return this.imports.confirm(user, body, requestIdOf(req));
  }
}

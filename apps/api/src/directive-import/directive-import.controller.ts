import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  confirmDirectiveImportRequestSchema,
  directiveImportRequestSchema,
  type ConfirmDirectiveImportRequest,
  type ConfirmDirectiveImportResponse,
  type DirectiveImportProposal,
  type DirectiveImportRequest,
} from '@dondoc/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ApiZodBody } from '../common/api-zod-body.decorator.js';
import { ZodPipe } from '../common/zod-body.pipe.js';
import type { UploadedDocument } from './document-text.js';
import { DirectiveImportService } from './directive-import.service.js';

@ApiTags('directives')
@ApiBearerAuth()
@Controller('directives/import')
export class DirectiveImportController {
  constructor(private readonly imports: DirectiveImportService) {}

  /** Pasted text (JSON `{text}`) or an uploaded `.txt`/`.docx`/`.pdf` (multipart `file`) → a proposal; saves nothing. */
  @Roles('office')
  @Post()
  @HttpCode(200)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { text: { type: 'string' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @UseInterceptors(FileInterceptor('file'))
  propose(
    @Body(new ZodPipe(directiveImportRequestSchema)) body: DirectiveImportRequest,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<DirectiveImportProposal> {
    return this.imports.propose({ text: body.text, file });
  }

  /** The (edited) proposal → the directive and its tasks in `drafted`, in one transaction. */
  @Roles('office')
  @Post('confirm')
  @ApiZodBody(confirmDirectiveImportRequestSchema)
  confirm(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(confirmDirectiveImportRequestSchema)) body: ConfirmDirectiveImportRequest,
  ): Promise<ConfirmDirectiveImportResponse> {
    return this.imports.confirm(user, body);
  }
}

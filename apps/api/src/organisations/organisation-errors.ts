import { ApiError } from '../common/api-error.js';

/** A committee's Office registers tasks in its own directives only; a directive above is read, not added to. */
export const notOwnDirective = () =>
  new ApiError(
    403,
    'NOT_OWN_DIRECTIVE',
    'Văn bản này của cấp ủy khác: chỉ Văn phòng cấp ủy ban hành giao nhiệm vụ theo văn bản / Only the Office of the committee that issued this directive adds to it',
  );

/** A committee above follows a task of a committee below (reads, comments) but does not act on it. */
export const notOwnTask = () =>
  new ApiError(
    403,
    'NOT_OWN_TASK',
    'Nhiệm vụ của cấp ủy khác: chỉ Văn phòng cấp ủy đó xử lý / Only the Office of the committee whose task it is acts on it',
  );

/** A committee named that is neither the caller's own nor below it: for them it does not exist. */
export const unknownOrganisation = () =>
  new ApiError(400, 'UNKNOWN_ORGANISATION', 'Không có cấp ủy này / No such committee under yours');

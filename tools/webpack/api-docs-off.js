// What a service's bundle gets in place of `@nestjs/swagger` (see ./api-docs.js): the contracts'
// DTOs describe themselves with its decorators, but only the gateway serves the API documents.
// Property decorators that record nothing, and the mapped types from @nestjs/mapped-types, which
// carry over the class-validator and class-transformer metadata as swagger's own do.
const { IntersectionType, OmitType, PartialType, PickType } = require('@nestjs/mapped-types');

const recordNothing = () => () => undefined;

module.exports = {
  ApiHideProperty: recordNothing,
  ApiProperty: recordNothing,
  ApiPropertyOptional: recordNothing,
  ApiResponseProperty: recordNothing,
  IntersectionType,
  OmitType,
  PartialType,
  PickType,
};

import { ValidateIf } from 'class-validator';

/** The body of a POST that takes none: with the global whitelist, any field sent is refused with 400. */
export class EmptyBodyDto {
  // Only registers the class with class-validator (an unregistered class counts as an unknown value).
  @ValidateIf(() => false)
  private readonly registered?: never;
}

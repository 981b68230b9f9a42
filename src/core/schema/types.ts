// The tag schema: which entity and event types exist, how they look, which keys pick them.

/** What entity and event types have in common: name, how they look, which key picks them. */
export interface TypeDef {
  /** brat type name, e.g. `PER`. */
  readonly name: string;
  /** English display name, e.g. `Person`. */
  readonly label: string;
  /** Arabic display name, e.g. `شخص`. */
  readonly arabicLabel: string;
  /** `#rrggbb`. */
  readonly color: string;
  /** Id of the theme colour that overrides `color` in the editor (built-in types only). */
  readonly themeColor?: string;
  /** One key that picks the type in the quick pick. */
  readonly shortcut?: string;
  /** Parent type in a brat hierarchy. */
  readonly parent?: string;
  /** brat `!Type`: groups its subtypes in the hierarchy and cannot be chosen itself. */
  readonly abstract?: boolean;
}

export type EntityTypeDef = TypeDef;

/** An event argument role, with brat's cardinality (`?` 0..1, `*` 0..n, `+` 1..n, `{a-b}`). */
export interface RoleDef {
  readonly name: string;
  /** Entity (or event) types the role accepts, possibly brat's `<ENTITY>` or `<EVENT>`; empty means any (`<ANY>`). */
  readonly targets: readonly string[];
  readonly min: number;
  /** `Infinity` for `*`, `+` and `{n-}`. */
  readonly max: number;
}

export interface EventTypeDef extends TypeDef {
  readonly roles: readonly RoleDef[];
}

export interface RelationTypeDef {
  readonly name: string;
  readonly args: readonly { readonly role: string; readonly targets: readonly string[] }[];
}

export interface AttributeDef {
  readonly name: string;
  /** Types the attribute applies to. */
  readonly targets: readonly string[];
  /** Allowed values; empty for a binary attribute. */
  readonly values: readonly string[];
}

export interface Schema {
  /** Where the schema comes from: `built-in` or the path of an `annotation.conf`. */
  readonly origin: string;
  readonly entities: readonly EntityTypeDef[];
  readonly events: readonly EventTypeDef[];
  readonly relations: readonly RelationTypeDef[];
  readonly attributes: readonly AttributeDef[];
}

export function findEntityType(schema: Schema, name: string): EntityTypeDef | undefined {
  return schema.entities.find((e) => e.name === name);
}

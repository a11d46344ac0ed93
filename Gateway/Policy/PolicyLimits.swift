// Limits of the policy language and of the regex engine it uses (one place, each with its reason).

public enum PolicyLimits {
    /// Largest policy text accepted, in UTF-8 bytes (the default constitution is ~8 KB).
    public static let maxPolicyBytes = 256 * 1024
    /// Most rules in one policy; evaluation is linear in the rule count.
    public static let maxRules = 1024
    /// Most conditions in one rule.
    public static let maxConditionsPerRule = 32
    /// Most items in an `in [..]` list.
    public static let maxListItems = 256
    /// Deepest argument path (`args.a.b.c`), in segments.
    public static let maxPathSegments = 16
    /// Longest pattern accepted by the regex engine, in Unicode scalars.
    public static let maxRegexPatternScalars = 1024
    /// Largest compiled regex program, in instructions (bounded repeats expand, so this bounds `{m,n}`).
    public static let maxRegexProgram = 4096
    /// Deepest group nesting in a regex (the parser recurses once per level).
    public static let maxRegexNesting = 32
    /// Largest bound accepted in `{m,n}`.
    public static let maxRegexRepeat = 256
    /// Most states of a regex's precomputed DFA (2 bytes × byte classes each); a pattern whose
    /// automaton would be larger keeps the NFA simulation (same answers, slower).
    public static let maxRegexDFAStates = 512
    /// Required-literal gate of a regex (Gateway/Text/RegexLiterals.swift): most strings in an exact
    /// set (products of classes and alternations grow fast), in the needle set, and in a class taken
    /// as literals; longest needle kept (longer ones are cut to this prefix); shortest needle worth a
    /// gate (with a one-byte needle the gate would pass almost every text).
    public static let maxRegexExactStrings = 16
    public static let maxRegexNeedles = 64
    public static let maxRegexClassLiterals = 8
    public static let maxRegexNeedleBytes = 32
    public static let minRegexNeedleBytes = 2
}

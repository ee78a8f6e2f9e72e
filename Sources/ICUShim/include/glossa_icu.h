// The C surface Swift sees of ICU: plain C types and opaque handles only.
// ICU's own headers are included by the .cpp files of this target and nowhere else.
#ifndef GLOSSA_ICU_H
#define GLOSSA_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's `UErrorCode`, as a plain integer. Zero and negative values are success (or warnings).
typedef int32_t glossa_status;

/// ICU's name for a status code (`u_errorName`), e.g. "U_INVALID_ID".
const char *glossa_error_name(glossa_status status);

/// The version of the ICU library in use, e.g. "72.1".
void glossa_icu_version(char *buffer, int32_t capacity);

// MARK: Locales

/// Canonicalizes a BCP 47 tag into an ICU locale id. Returns the id's length, or -1 when the tag is not
/// well-formed or names no known language (in which case `*status` carries ICU's error, if any).
int32_t glossa_locale_from_tag(const char *tag, char *out, int32_t capacity, glossa_status *status);

// MARK: Normalization

/// The normalization forms of `Normalizer2`.
typedef enum glossa_norm_form {
  GLOSSA_NFC = 0,
  GLOSSA_NFD = 1,
  GLOSSA_NFKC = 2,
  GLOSSA_NFKD = 3,
  GLOSSA_NFKC_CASEFOLD = 4
} glossa_norm_form;

/// Whether `utf8[0..<length]` is already in `form`. Returns 1 when it is, 0 when it is not.
int32_t glossa_norm_is_normalized(glossa_norm_form form, const uint8_t *utf8, int64_t length,
                                  glossa_status *status);

/// Opaque result of a normalization: the normalized text and the list of changed regions.
typedef struct glossa_norm_result glossa_norm_result;

/// Normalizes `utf8` into `form`, recording every change. Returns NULL on error. Free with
/// `glossa_norm_result_free`.
glossa_norm_result *glossa_norm_normalize(glossa_norm_form form, const uint8_t *utf8, int64_t length,
                                          glossa_status *status);
const uint8_t *glossa_norm_result_text(const glossa_norm_result *result, int64_t *length);
/// Number of changed regions; each is (source start, source end, destination start, destination end)
/// in UTF-8 bytes.
int64_t glossa_norm_result_change_count(const glossa_norm_result *result);
void glossa_norm_result_change(const glossa_norm_result *result, int64_t index, int64_t out[4]);
void glossa_norm_result_free(glossa_norm_result *result);

// MARK: Transliteration

typedef struct glossa_translit glossa_translit;

/// Opens a transliterator by ICU id (`"Any-Latin; Latin-ASCII"`), or from rules when `rules` is not NULL
/// (then `id` names it). On a rule syntax error, `*error_line` and `*error_offset` locate it.
glossa_translit *glossa_translit_open(const char *id, const char *rules, int32_t rules_length,
                                      int32_t *error_line, int32_t *error_offset, glossa_status *status);
void glossa_translit_close(glossa_translit *t);
/// A new transliterator that works as `t` does (ICU's clone: no rules are parsed again). NULL with
/// `*status` set when memory runs out.
glossa_translit *glossa_translit_clone(const glossa_translit *t, glossa_status *status);

/// Transliterates `utf8`. Returns the length of the result (UTF-8 bytes), or -1 on error; the result
/// is at `glossa_translit_output(t)` until the next call on `t`.
int64_t glossa_translit_apply(glossa_translit *t, const uint8_t *utf8, int64_t length, glossa_status *status);
const uint8_t *glossa_translit_output(const glossa_translit *t);

// MARK: Break iteration

typedef enum glossa_break_kind {
  GLOSSA_BREAK_CHARACTER = 0,
  GLOSSA_BREAK_WORD = 1,
  GLOSSA_BREAK_LINE = 2,
  GLOSSA_BREAK_SENTENCE = 3
} glossa_break_kind;

typedef struct glossa_breaker glossa_breaker;

/// Opens a break iterator for an ICU locale id.
glossa_breaker *glossa_breaker_open(glossa_break_kind kind, const char *locale, glossa_status *status);
void glossa_breaker_close(glossa_breaker *b);

/// Points the iterator at UTF-8 text, without copying it (UText over the bytes). The bytes must stay
/// valid and unchanged until the next call of `glossa_breaker_set_text` or `glossa_breaker_close`.
void glossa_breaker_set_text(glossa_breaker *b, const uint8_t *utf8, int64_t length, glossa_status *status);

/// The next boundary after the current one, as a UTF-8 byte offset, or -1 at the end. The first call
/// after `set_text` returns the first boundary after offset 0.
int64_t glossa_breaker_next(glossa_breaker *b);

/// The rule status of the boundary last returned (`ubrk_getRuleStatus`): for words, 0..<100 none,
/// 100..<200 number, 200..<300 letter, 300..<400 kana, 400..<500 ideographic.
int32_t glossa_breaker_rule_status(glossa_breaker *b);

/// Fills `out` with up to `capacity` next boundaries (and their rule statuses in `statuses` if not NULL).
/// Returns how many were written; fewer than `capacity` means the end was reached.
int64_t glossa_breaker_next_many(glossa_breaker *b, int64_t *out, int32_t *statuses, int64_t capacity);

// MARK: Regular expressions

typedef struct glossa_regex glossa_regex;

/// Compiles an ICU regular expression (Java-like syntax) given as UTF-8. `flags`: 1 = case-insensitive.
/// On a syntax error returns NULL; `*error_offset` is the pattern offset (in UTF-16 units) of the problem.
glossa_regex *glossa_regex_open(const uint8_t *pattern, int64_t length, int32_t flags, int32_t *error_offset,
                                glossa_status *status);
void glossa_regex_close(glossa_regex *r);

/// Points the regex at UTF-8 text, without copying it. The bytes must stay valid and unchanged until the
/// next call of `glossa_regex_set_text` or `glossa_regex_close`.
void glossa_regex_set_text(glossa_regex *r, const uint8_t *utf8, int64_t length, glossa_status *status);

/// Finds the next match starting at or after UTF-8 offset `from` (which must lie on a character
/// boundary). Returns 1 and sets `*start` and `*end` (UTF-8 byte offsets) when found, 0 when not.
int32_t glossa_regex_find(glossa_regex *r, int64_t from, int64_t *start, int64_t *end, glossa_status *status);

/// Whether the whole text set with `glossa_regex_set_text` matches. Returns 1 or 0.
int32_t glossa_regex_matches(glossa_regex *r, glossa_status *status);

#ifdef __cplusplus
}
#endif

#endif

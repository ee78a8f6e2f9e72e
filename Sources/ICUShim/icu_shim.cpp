// The only translation unit family that sees ICU's headers. Every ICU call of Glossa is here.
#include "glossa_icu.h"

#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/uloc.h>
#include <unicode/uregex.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

namespace {

const int32_t GLOSSA_REGEX_TIME_LIMIT = 1000;

bool too_long(int64_t length, glossa_status *status) {
  if (length < 0 || length > INT32_MAX) {
    *status = U_INDEX_OUTOFBOUNDS_ERROR;
    return true;
  }
  return false;
}

const icu::Normalizer2 *instance(glossa_norm_form form, UErrorCode &err) {
  switch (form) {
  case GLOSSA_NFC: return icu::Normalizer2::getNFCInstance(err);
  case GLOSSA_NFD: return icu::Normalizer2::getNFDInstance(err);
  case GLOSSA_NFKC: return icu::Normalizer2::getNFKCInstance(err);
  case GLOSSA_NFKD: return icu::Normalizer2::getNFKDInstance(err);
  case GLOSSA_NFKC_CASEFOLD: return icu::Normalizer2::getNFKCCasefoldInstance(err);
  }
  err = U_ILLEGAL_ARGUMENT_ERROR;
  return nullptr;
}

} // namespace

extern "C" {

const char *glossa_error_name(glossa_status status) { return u_errorName((UErrorCode)status); }

void glossa_icu_version(char *buffer, int32_t capacity) {
  UVersionInfo info;
  u_getVersion(info);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, text);
  std::strncpy(buffer, text, capacity > 0 ? (size_t)capacity - 1 : 0);
  if (capacity > 0) buffer[capacity - 1] = 0;
}

// MARK: Locales

int32_t glossa_locale_from_tag(const char *tag, char *out, int32_t capacity, glossa_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  size_t tagLength = std::strlen(tag);
  int32_t length = 0;
  if (std::strchr(tag, '@') != nullptr || std::strchr(tag, '_') != nullptr) {
    length = uloc_canonicalize(tag, out, capacity, &err);
  } else {
    int32_t parsed = 0;
    length = uloc_forLanguageTag(tag, out, capacity, &parsed, &err);
    if (U_SUCCESS(err) && (size_t)parsed != tagLength) err = U_ILLEGAL_ARGUMENT_ERROR;
  }
  if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING) {
    *status = U_FAILURE(err) ? err : U_BUFFER_OVERFLOW_ERROR;
    return -1;
  }
  char language[ULOC_LANG_CAPACITY];
  UErrorCode langErr = U_ZERO_ERROR;
  int32_t languageLength = uloc_getLanguage(out, language, sizeof language, &langErr);
  if (U_FAILURE(langErr)) {
    *status = langErr;
    return -1;
  }
  // "und" (root) is a valid tag; any other language must be one ICU knows.
  if (languageLength > 0 && std::strcmp(uloc_getISO3Language(out), "") == 0) {
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return -1;
  }
  *status = U_ZERO_ERROR;
  return length;
}

// MARK: Normalization

struct glossa_norm_result {
  std::string text;
  icu::Edits edits;
  std::vector<int64_t> changes;
};

int32_t glossa_norm_is_normalized(glossa_norm_form form, const uint8_t *utf8, int64_t length,
                                  glossa_status *status) {
  if (too_long(length, status)) return 0;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2 *n = instance(form, err);
  if (U_FAILURE(err)) {
    *status = err;
    return 0;
  }
  UBool yes = n->isNormalizedUTF8(icu::StringPiece((const char *)utf8, (int32_t)length), err);
  *status = err;
  return U_SUCCESS(err) && yes ? 1 : 0;
}

glossa_norm_result *glossa_norm_normalize(glossa_norm_form form, const uint8_t *utf8, int64_t length,
                                          glossa_status *status) {
  if (too_long(length, status)) return nullptr;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2 *n = instance(form, err);
  if (U_FAILURE(err)) {
    *status = err;
    return nullptr;
  }
  auto *result = new glossa_norm_result();
  result->text.reserve((size_t)length + length / 8 + 16);
  icu::StringByteSink<std::string> sink(&result->text);
  n->normalizeUTF8(0, icu::StringPiece((const char *)utf8, (int32_t)length), sink, &result->edits, err);
  if (U_SUCCESS(err)) {
    icu::Edits::Iterator it = result->edits.getFineChangesIterator();
    while (it.next(err)) {
      if (!it.hasChange()) continue;
      int64_t srcStart = it.sourceIndex(), dstStart = it.destinationIndex();
      int64_t srcEnd = srcStart + it.oldLength(), dstEnd = dstStart + it.newLength();
      size_t count = result->changes.size();
      // Merge changes that touch, so one rewritten character sequence is one region.
      if (count >= 4 && result->changes[count - 3] == srcStart && result->changes[count - 1] == dstStart) {
        result->changes[count - 3] = srcEnd;
        result->changes[count - 1] = dstEnd;
      } else {
        result->changes.insert(result->changes.end(), {srcStart, srcEnd, dstStart, dstEnd});
      }
    }
  }
  if (U_FAILURE(err)) {
    *status = err;
    delete result;
    return nullptr;
  }
  *status = U_ZERO_ERROR;
  return result;
}

const uint8_t *glossa_norm_result_text(const glossa_norm_result *result, int64_t *length) {
  *length = (int64_t)result->text.size();
  return (const uint8_t *)result->text.data();
}

int64_t glossa_norm_result_change_count(const glossa_norm_result *result) {
  return (int64_t)result->changes.size() / 4;
}

void glossa_norm_result_change(const glossa_norm_result *result, int64_t index, int64_t out[4]) {
  for (int i = 0; i < 4; i++) out[i] = result->changes[(size_t)index * 4 + i];
}

void glossa_norm_result_free(glossa_norm_result *result) { delete result; }

// MARK: Transliteration

struct glossa_translit {
  icu::Transliterator *transliterator;
  std::string output;
};

glossa_translit *glossa_translit_open(const char *id, const char *rules, int32_t rules_length,
                                      int32_t *error_line, int32_t *error_offset, glossa_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  UParseError parseError;
  std::memset(&parseError, 0, sizeof parseError);
  icu::Transliterator *t = nullptr;
  icu::UnicodeString name = icu::UnicodeString::fromUTF8(id);
  if (rules != nullptr) {
    icu::UnicodeString ruleText = icu::UnicodeString::fromUTF8(icu::StringPiece(rules, rules_length));
    t = icu::Transliterator::createFromRules(name, ruleText, UTRANS_FORWARD, parseError, err);
  } else {
    t = icu::Transliterator::createInstance(name, UTRANS_FORWARD, parseError, err);
  }
  *error_line = parseError.line;
  *error_offset = parseError.offset;
  if (U_FAILURE(err) || t == nullptr) {
    delete t;
    *status = U_FAILURE(err) ? err : U_INVALID_ID;
    return nullptr;
  }
  *status = U_ZERO_ERROR;
  return new glossa_translit{t, std::string()};
}

glossa_translit *glossa_translit_clone(const glossa_translit *t, glossa_status *status) {
  icu::Transliterator *copy = t->transliterator->clone();
  if (copy == nullptr) {
    *status = U_MEMORY_ALLOCATION_ERROR;
    return nullptr;
  }
  *status = U_ZERO_ERROR;
  return new glossa_translit{copy, std::string()};
}

void glossa_translit_close(glossa_translit *t) {
  if (t == nullptr) return;
  delete t->transliterator;
  delete t;
}

int64_t glossa_translit_apply(glossa_translit *t, const uint8_t *utf8, int64_t length, glossa_status *status) {
  if (too_long(length, status)) return -1;
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece((const char *)utf8, (int32_t)length));
  t->transliterator->transliterate(text);
  t->output.clear();
  text.toUTF8String(t->output);
  *status = U_ZERO_ERROR;
  return (int64_t)t->output.size();
}

const uint8_t *glossa_translit_output(const glossa_translit *t) { return (const uint8_t *)t->output.data(); }

// MARK: Break iteration

struct glossa_breaker {
  UBreakIterator *iterator;
  UText *text;
};

glossa_breaker *glossa_breaker_open(glossa_break_kind kind, const char *locale, glossa_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBreakIteratorType type = UBRK_CHARACTER;
  switch (kind) {
  case GLOSSA_BREAK_CHARACTER: type = UBRK_CHARACTER; break;
  case GLOSSA_BREAK_WORD: type = UBRK_WORD; break;
  case GLOSSA_BREAK_LINE: type = UBRK_LINE; break;
  case GLOSSA_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
  }
  UBreakIterator *it = ubrk_open(type, locale, nullptr, 0, &err);
  if (U_FAILURE(err)) {
    *status = err;
    return nullptr;
  }
  *status = U_ZERO_ERROR;
  return new glossa_breaker{it, nullptr};
}

void glossa_breaker_close(glossa_breaker *b) {
  if (b == nullptr) return;
  ubrk_close(b->iterator);
  if (b->text != nullptr) utext_close(b->text);
  delete b;
}

void glossa_breaker_set_text(glossa_breaker *b, const uint8_t *utf8, int64_t length, glossa_status *status) {
  if (too_long(length, status)) return;
  UErrorCode err = U_ZERO_ERROR;
  // Reuses the UText in place: no allocation per document after the first.
  b->text = utext_openUTF8(b->text, (const char *)utf8, length, &err);
  if (U_FAILURE(err)) {
    *status = err;
    return;
  }
  ubrk_setUText(b->iterator, b->text, &err);
  *status = err;
}

int64_t glossa_breaker_next(glossa_breaker *b) {
  int32_t next = ubrk_next(b->iterator);
  return next == UBRK_DONE ? -1 : next;
}

int32_t glossa_breaker_rule_status(glossa_breaker *b) { return ubrk_getRuleStatus(b->iterator); }

int64_t glossa_breaker_next_many(glossa_breaker *b, int64_t *out, int32_t *statuses, int64_t capacity) {
  int64_t count = 0;
  while (count < capacity) {
    int32_t next = ubrk_next(b->iterator);
    if (next == UBRK_DONE) break;
    out[count] = next;
    if (statuses != nullptr) statuses[count] = ubrk_getRuleStatus(b->iterator);
    count++;
  }
  return count;
}

// MARK: Regular expressions

struct glossa_regex {
  URegularExpression *regex;
  UText *text;
};

glossa_regex *glossa_regex_open(const uint8_t *pattern, int64_t length, int32_t flags, int32_t *error_offset,
                                glossa_status *status) {
  if (too_long(length, status)) return nullptr;
  UErrorCode err = U_ZERO_ERROR;
  UParseError parse_error;
  *error_offset = -1;
  UText *text = utext_openUTF8(nullptr, (const char *)pattern, length, &err);
  if (U_FAILURE(err)) {
    *status = err;
    return nullptr;
  }
  uint32_t options = (flags & 1) ? UREGEX_CASE_INSENSITIVE : 0;
  URegularExpression *regex = uregex_openUText(text, options, &parse_error, &err);
  utext_close(text);
  if (U_FAILURE(err)) {
    *error_offset = parse_error.offset;
    *status = err;
    return nullptr;
  }
  // A pathological pattern (catastrophic backtracking) stops with U_REGEX_TIME_OUT instead of hanging;
  // the limit is in steps of ICU's match engine, on the order of a millisecond each.
  uregex_setTimeLimit(regex, GLOSSA_REGEX_TIME_LIMIT, &err);
  *status = U_ZERO_ERROR;
  return new glossa_regex{regex, nullptr};
}

void glossa_regex_close(glossa_regex *r) {
  if (r == nullptr) return;
  uregex_close(r->regex);
  if (r->text != nullptr) utext_close(r->text);
  delete r;
}

void glossa_regex_set_text(glossa_regex *r, const uint8_t *utf8, int64_t length, glossa_status *status) {
  if (too_long(length, status)) return;
  UErrorCode err = U_ZERO_ERROR;
  r->text = utext_openUTF8(r->text, (const char *)(utf8 != nullptr ? utf8 : (const uint8_t *)""), length, &err);
  if (U_FAILURE(err)) {
    *status = err;
    return;
  }
  uregex_setUText(r->regex, r->text, &err);
  *status = err;
}

int32_t glossa_regex_find(glossa_regex *r, int64_t from, int64_t *start, int64_t *end, glossa_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBool found = uregex_find64(r->regex, from, &err);
  if (U_FAILURE(err) || !found) {
    *status = err;
    return 0;
  }
  *start = uregex_start64(r->regex, 0, &err);
  *end = uregex_end64(r->regex, 0, &err);
  *status = err;
  return U_SUCCESS(err) ? 1 : 0;
}

int32_t glossa_regex_matches(glossa_regex *r, glossa_status *status) {
  UErrorCode err = U_ZERO_ERROR;
  UBool result = uregex_matches64(r->regex, -1, &err);
  *status = err;
  return U_SUCCESS(err) && result ? 1 : 0;
}

} // extern "C"

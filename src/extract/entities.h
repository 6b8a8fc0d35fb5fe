/* entities.h - the article's entities: one table of everyone and every
 * document an article names, with recency for pronouns and definite
 * descriptions, and short forms (surnames, acronyms) learnt as it goes.
 *
 * An entity lives for one article; its name is a string id in x->names.
 * Recency is a clock bumped by x_touch at each mention.
 */
#ifndef RELNET_EXTRACT_ENTITIES_H
#define RELNET_EXTRACT_ENTITIES_H

#include "internal.h"

/* Intern a string for this article: its id, or XNONE on out of memory. */
uint32_t x_str(struct rn_extractor *x, const char *s, size_t n);
/* The string of id ("" for XNONE). */
const char *x_name(const struct rn_extractor *x, uint32_t id);
/* The entity named name (folded with its type's key), created on first
   sight with its type and affiliation (a string id or XNONE). */
uint32_t x_entity(struct rn_extractor *x, const char *name, size_t n, enum rn_etype type,
                  uint32_t aff);
/* The entity for lexicon actor a (with the lexicon's type and affiliation). */
uint32_t x_lex_entity(struct rn_extractor *x, uint32_t a);
/* The entity of this article called name, or XNONE (creates nothing). */
uint32_t x_find_entity(const struct rn_extractor *x, const char *name);
/* The state entity e belongs to (itself for a country), or XNONE. */
uint32_t x_state_of(struct rn_extractor *x, uint32_t e);
/* e was mentioned now (for recency). */
void x_touch(struct rn_extractor *x, uint32_t e);
/* Remember a short form (surname, acronym) of e; x_short_find gives it back. */
void x_short(struct rn_extractor *x, const char *s, size_t n, uint32_t e);
uint32_t x_short_find(const struct rn_extractor *x, const char *s, size_t n);
/* An entity of type t may be referred to by a word wanting type want. */
int x_type_fits(enum rn_etype t, enum rn_etype want);
/* The latest mentioned entity fitting want (an etype or XWANT_*), not skip,
   with document head head when not XNONE; XNONE when none. */
uint32_t x_recent(const struct rn_extractor *x, int want, uint32_t skip, uint32_t head);
/* x_recent for a description at token i: not an entity named earlier in
   i's own clause ("China accused the country" is not China). */
uint32_t x_recent_outside(const struct rn_extractor *x, int want, size_t i);
/* The state that acted last: the country that was a sentence's subject
   most recently, within the last `sentences` sentences and outside token
   i's clause; XNONE when none ("the government" after "India banned …"
   is India, though other states were named since). */
uint32_t x_acting_state(const struct rn_extractor *x, size_t i, size_t sentences);
/* The one state the text is about here: the only country named in this
   or the previous sentence, or XNONE. */
uint32_t x_topic_state(const struct rn_extractor *x);
/* The antecedent of a pronoun at token i: the latest fitting entity, not
   one named earlier in the pronoun's own clause ("a court stayed a ban on
   it": not the court); a pronoun opening a clause prefers a recent main
   subject. */
uint32_t x_antecedent(struct rn_extractor *x, int want, size_t i);

/* Remember the members of a list named in the current sentence, ending at
   token end_tok. */
void x_list_add(struct rn_extractor *x, const uint32_t *members, size_t n, size_t end_tok);
/* The latest list, named before token i within the last `sentences`
   sentences, whose members all fit want (an etype, or XWANT_PLURAL for
   any); NULL when none. */
const struct xlist *x_list_recent(const struct rn_extractor *x, int want, size_t i,
                                  size_t sentences);

#endif

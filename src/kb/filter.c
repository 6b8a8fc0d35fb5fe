/* filter.c - record filters shared by every analysis command (see relnet/filter.h). */
#include "relnet/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rn_filter_init(struct rn_filter *f)
{
    memset(f, 0, sizeof *f);
    f->polarity_mask = 1u << RN_POL_ASSERTED;
    f->min_count = 1;
}

void rn_filter_release(struct rn_filter *f)
{
    for (int i = 0; i < f->n_relations; i++)
        free(f->relations[i]);
    f->n_relations = 0;
}

/* Split a comma list, calling each(item) for every non-empty trimmed item. */
static int for_each_item(const char *list, int (*each)(void *ctx, const char *item), void *ctx)
{
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char item[128];
        if (n >= sizeof item)
            return RN_EUSAGE;
        memcpy(item, p, n);
        item[n] = '\0';
        int rc = each(ctx, item);
        if (rc != RN_OK)
            return rc;
        p += n;
        if (*p == ',')
            p++;
    }
    return RN_OK;
}

struct add_ctx {
    struct rn_filter *f;
    struct rn_err *err;
};

static int add_relation(void *ctx, const char *item)
{
    struct add_ctx *c = ctx;
    char name[128];
    if (rn_relation_normalize(item, name, sizeof name) != RN_OK)
        return RN_OK; /* empty items ("a,,b") are ignored */
    if (rn_filter_has_relation(c->f, name) && c->f->n_relations > 0)
        return RN_OK;
    if (c->f->n_relations == RN_FILTER_MAX_RELATIONS)
        return rn_fail(c->err, RN_EUSAGE, "at most %d relations can be selected",
                       RN_FILTER_MAX_RELATIONS);
    char *copy = strdup(name);
    if (!copy)
        return RN_ENOMEM;
    c->f->relations[c->f->n_relations++] = copy;
    return RN_OK;
}

int rn_filter_set_relations(struct rn_filter *f, const char *list, struct rn_err *err)
{
    struct add_ctx c = { f, err };
    if (strcmp(list, "all") == 0 || strcmp(list, "*") == 0) {
        rn_filter_release(f);
        return RN_OK;
    }
    int rc = for_each_item(list, add_relation, &c);
    if (rc == RN_EUSAGE && !(err && err->code == RN_EUSAGE))
        return rn_fail(err, RN_EUSAGE, "relation name too long in '%s'", list);
    return rc;
}

static int add_polarity(void *ctx, const char *item)
{
    struct add_ctx *c = ctx;
    enum rn_polarity pol;
    if (strcmp(item, "all") == 0) {
        c->f->polarity_mask = (1u << RN_POL_COUNT) - 1;
        return RN_OK;
    }
    if (!item[0] || rn_polarity_parse(item, &pol) != RN_OK)
        return rn_fail(c->err, RN_EUSAGE,
                       "unknown polarity '%s' (expected asserted, hedged, negated or all)", item);
    c->f->polarity_mask |= 1u << pol;
    return RN_OK;
}

int rn_filter_set_polarity(struct rn_filter *f, const char *list, struct rn_err *err)
{
    struct add_ctx c = { f, err };
    f->polarity_mask = 0;
    int rc = for_each_item(list, add_polarity, &c);
    if (rc == RN_OK && f->polarity_mask == 0)
        return rn_fail(err, RN_EUSAGE, "no polarity given");
    return rc;
}

static int set_date(char out[11], unsigned long *num, const char *date, const char *what,
                    struct rn_err *err)
{
    if (rn_date_normalize(date, out) != RN_OK)
        return rn_fail(err, RN_EUSAGE, "%s: '%s' is not a date (expected YYYY-MM-DD)", what,
                       date);
    *num = strtoul(out, NULL, 10) * 10000 + strtoul(out + 5, NULL, 10) * 100 +
           strtoul(out + 8, NULL, 10);
    return RN_OK;
}

int rn_filter_set_since(struct rn_filter *f, const char *date, struct rn_err *err)
{
    return set_date(f->since, &f->since_num, date, "--since", err);
}

int rn_filter_set_until(struct rn_filter *f, const char *date, struct rn_err *err)
{
    return set_date(f->until, &f->until_num, date, "--until", err);
}

int rn_filter_has_relation(const struct rn_filter *f, const char *relation)
{
    if (f->n_relations == 0)
        return 1;
    for (int i = 0; i < f->n_relations; i++)
        if (strcmp(f->relations[i], relation) == 0)
            return 1;
    return 0;
}

int rn_filter_match(const struct rn_filter *f, const char *relation, unsigned long date,
                    enum rn_polarity pol)
{
    if (!f)
        return 1;
    if (!(f->polarity_mask & (1u << pol)))
        return 0;
    if (!rn_filter_has_relation(f, relation))
        return 0;
    if (f->since_num || f->until_num) {
        if (!date)
            return 0;
        if (f->since_num && date < f->since_num)
            return 0;
        if (f->until_num && date > f->until_num)
            return 0;
    }
    return 1;
}

void rn_filter_describe(const struct rn_filter *f, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
#define ADD(...)                                                              \
    do {                                                                      \
        if (used < size)                                                      \
            used += (size_t)snprintf(buf + used, size - used, __VA_ARGS__);  \
    } while (0)
    if (f->n_relations == 0) {
        ADD("all relations");
    } else {
        ADD("relation%s ", f->n_relations > 1 ? "s" : "");
        for (int i = 0; i < f->n_relations; i++)
            ADD("%s%s", i ? "," : "", f->relations[i]);
    }
    if (f->polarity_mask == (1u << RN_POL_COUNT) - 1) {
        ADD("; every polarity");
    } else {
        ADD(";");
        for (int p = 0; p < RN_POL_COUNT; p++)
            if (f->polarity_mask & (1u << p))
                ADD(" %s", rn_polarity_name((enum rn_polarity)p));
    }
    if (f->since[0])
        ADD("; since %s", f->since);
    if (f->until[0])
        ADD("; until %s", f->until);
    if (f->min_count > 1)
        ADD("; pairs reported at least %ld times", f->min_count);
#undef ADD
}

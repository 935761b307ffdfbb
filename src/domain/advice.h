/*
 * advice: a professional describes a worry without identifying anyone and
 * an advisor of the point of that municipality answers.  The question and
 * the answer are sealed all the same (people write names anyway); asking
 * and answering are audited.  The asker sees their own questions and the
 * answers; advisors see those of the regions their organisation serves,
 * and those no point covers yet.  Once the person is known, an advice can
 * become a signal, once (signal_file_from_advice() in signal.h); the
 * advice then names it.
 */
#ifndef SCHAKEL_ADVICE_H
#define SCHAKEL_ADVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ctx;

struct advice {
	int64_t		 id;
	int64_t		 created_at;
	const char	*municipality_name;
	const char	*status;		/* open | answered */
	const char	*question;
	const char	*answer;		/* NULL while open */
	int64_t		 answered_at;
	const char	*answered_by;		/* user name */
	const char	*asker_org;		/* queue only */
	const char	*municipality;		/* CBS code */
	bool		 suggest_signal;	/* point asks for a signal */
	int64_t		 signal_id;		/* the signal it became; 0 */
};

int	advice_ask(struct ctx *, const char *municipality, const char *question,
	    int64_t *id);
int	advice_mine(struct ctx *, struct advice **, size_t *n);
int	advice_queue(struct ctx *, struct advice **, size_t *n);
/* An advisor of the point answers, once; suggest_signal asks the reporter
 * to report it as a signal (signal_file_from_advice()) with the person. */
int	advice_answer(struct ctx *, int64_t id, const char *answer,
	    bool suggest_signal);

#endif

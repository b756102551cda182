/* fita-money-entry.h: an entry for an amount of money, typed as officers
 * write it ("4.702,33", "4702.33 €", "- €") and shown in the language's
 * format; text that is not an amount is marked and never saved. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FITA_TYPE_MONEY_ENTRY (fita_money_entry_get_type ())
G_DECLARE_FINAL_TYPE (FitaMoneyEntry, fita_money_entry, FITA, MONEY_ENTRY, GtkEntry)

GtkWidget *fita_money_entry_new       (void);
/* Cents, or FITA_NONE for no amount. */
gint64     fita_money_entry_get_cents (FitaMoneyEntry *self);
/* Shows the saved amount, unless the person is typing in the entry or left
 * text in it that is not an amount; force shows it anyway. */
void       fita_money_entry_set_cents (FitaMoneyEntry *self,
                                       gint64          cents,
                                       gboolean        force);
/* The plan refused the amount typed, and holds cents: the typed text stays,
 * marked with message (why), until the person corrects it or presses
 * Escape to see the amount held again. */
void       fita_money_entry_refuse    (FitaMoneyEntry *self,
                                       gint64          cents,
                                       const char     *message);
/* Whether the entry holds text that is not an amount, or one refused. */
gboolean   fita_money_entry_is_invalid (FitaMoneyEntry *self);
/* Reads the text now, as when the person presses Enter. */
void       fita_money_entry_commit    (FitaMoneyEntry *self);

G_END_DECLS

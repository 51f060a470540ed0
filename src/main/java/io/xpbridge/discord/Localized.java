package io.xpbridge.discord;

import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Command definitions in both languages: English is the default (and the name Discord sends back in
 * every interaction, so the bot dispatches on it whatever the caller's language), Russian is added as
 * the {@code ru} name and description localization, which a Russian Discord client shows instead.
 */
final class Localized {
  private Localized() {}

  static SlashCommandData command(Texts.Phrase name, Texts.Phrase description) {
    return Commands.slash(name.en(), description.en())
        .setNameLocalization(DiscordLocale.RUSSIAN, name.ru())
        .setDescriptionLocalization(DiscordLocale.RUSSIAN, description.ru());
  }

  static OptionData option(OptionType type, Texts.Phrase name, Texts.Phrase description, boolean required) {
    return new OptionData(type, name.en(), description.en(), required)
        .setNameLocalization(DiscordLocale.RUSSIAN, name.ru())
        .setDescriptionLocalization(DiscordLocale.RUSSIAN, description.ru());
  }

  static Command.Choice choice(Texts.Phrase name, String value) {
    return new Command.Choice(name.en(), value).setNameLocalization(DiscordLocale.RUSSIAN, name.ru());
  }
}

// Migration 3: Countries, currencies, addresses and contact field labels.
//
// Countries are not a table: they are reference data in `server/store/countries.ts` (an address stores the
// country's ISO 3166-1 alpha-2 code). Currencies are a global table, filled here with the currencies Monica ships.
export const version = 3;

/**
 * The currencies Monica ships, in its id order: the five of its first migration (CAD, USD, GBP, EUR, RUB), the ones
 * added one by one afterwards (ZAR, DKK, INR, BRL), then the rest of ISO 4217 in the order of their codes. Symbols are
 * the ones people write next to amounts; where Monica's row was wrong or empty (AED carried the Bahraini dinar's
 * sign, AMD had none, ZAR a trailing space) the real symbol is used.
 */
const CURRENCIES: ReadonlyArray<readonly [iso: string, name: string, symbol: string]> = [
  ['CAD', 'Canadian Dollar', '$'],
  ['USD', 'US Dollar', '$'],
  ['GBP', 'British Pound', '£'],
  ['EUR', 'Euro', '€'],
  ['RUB', 'Russian Ruble', '₽'],
  ['ZAR', 'South African Rand', 'R'],
  ['DKK', 'Danish krone', 'kr.'],
  ['INR', 'Indian rupee', '₹'],
  ['BRL', 'Brazilian Real', 'R$'],
  ['AED', 'Emirati Dirham', 'د.إ'],
  ['AFN', 'Afghan Afghani', '؋'],
  ['ALL', 'Albanian lek', 'lek'],
  ['AMD', 'Armenian dram', '֏'],
  ['ANG', 'Dutch Guilder', 'ƒ'],
  ['AOA', 'Angolan Kwanza', 'Kz'],
  ['ARS', 'Argentine Peso', '$'],
  ['AUD', 'Australian Dollar', 'A$'],
  ['AWG', 'Aruban Florin', 'ƒ'],
  ['AZN', 'Azerbaijani Manat', '₼'],
  ['BAM', 'Bosnia-Herzegovina Convertible Mark', 'KM'],
  ['BBD', 'Barbadian Dollar', '$'],
  ['BDT', 'Bangladeshi Taka', '৳'],
  ['BGN', 'Bulgarian Lev', 'лв'],
  ['BHD', 'Bahraini Dinar', '.د.ب'],
  ['BIF', 'Burundian Franc', 'FBu'],
  ['BMD', 'Bermudian Dollar', '$'],
  ['BND', 'Brunei Dollar', '$'],
  ['BOB', 'Bolivian Boliviano', 'Bs.'],
  ['BSD', 'Bahamian Dollar', '$'],
  ['BTN', 'Bhutanese Ngultrum', 'Nu.'],
  ['BWP', 'Botswana Pula', 'P'],
  ['BYN', 'Belarusian Ruble', 'Br'],
  ['BZD', 'Belize Dollar', 'BZ$'],
  ['CDF', 'Congolese Franc', 'FC'],
  ['CHF', 'Swiss Franc', 'CHF'],
  ['CLP', 'Chilean Peso', '$'],
  ['CNY', 'Chinese Yuan', '¥'],
  ['COP', 'Colombian Peso', '$'],
  ['CRC', 'Costa Rican Colón', '₡'],
  ['CUP', 'Cuban Peso', '$'],
  ['CVE', 'Cape Verdean Escudo', '$'],
  ['CZK', 'Czech Koruna', 'Kč'],
  ['DJF', 'Djiboutian Franc', 'Fdj'],
  ['DOP', 'Dominican Peso', 'RD$'],
  ['DZD', 'Algerian Dinar', 'د.ج'],
  ['EGP', 'Egyptian Pound', 'E£'],
  ['ERN', 'Eritrean Nakfa', 'Nfk'],
  ['ETB', 'Ethiopian Birr', 'Br'],
  ['FJD', 'Fijian Dollar', 'FJ$'],
  ['FKP', 'Falkland Islands Pound', '£'],
  ['GEL', 'Georgian Lari', '₾'],
  ['GHS', 'Ghanaian Cedi', 'GH₵'],
  ['GIP', 'Gibraltar Pound', '£'],
  ['GMD', 'Gambian Dalasi', 'D'],
  ['GNF', 'Guinean Franc', 'FG'],
  ['GTQ', 'Guatemalan Quetzal', 'Q'],
  ['GYD', 'Guyanaese Dollar', 'G$'],
  ['HKD', 'Hong Kong Dollar', 'HK$'],
  ['HNL', 'Honduran Lempira', 'L'],
  ['HTG', 'Haitian Gourde', 'G'],
  ['HUF', 'Hungarian Forint', 'Ft'],
  ['IDR', 'Indonesian Rupiah', 'Rp'],
  ['ILS', 'Israeli New Shekel', '₪'],
  ['IQD', 'Iraqi Dinar', 'ع.د'],
  ['IRR', 'Iranian Rial', '﷼'],
  ['ISK', 'Icelandic Króna', 'kr'],
  ['JMD', 'Jamaican Dollar', 'J$'],
  ['JOD', 'Jordanian Dinar', 'د.ا'],
  ['JPY', 'Japanese Yen', '¥'],
  ['KES', 'Kenyan Shilling', 'KSh'],
  ['KGS', 'Kyrgystani Som', 'с'],
  ['KHR', 'Cambodian Riel', '៛'],
  ['KMF', 'Comorian Franc', 'CF'],
  ['KPW', 'North Korean Won', '₩'],
  ['KRW', 'South Korean Won', '₩'],
  ['KWD', 'Kuwaiti Dinar', 'د.ك'],
  ['KYD', 'Cayman Islands Dollar', 'CI$'],
  ['KZT', 'Kazakhstani Tenge', '₸'],
  ['LAK', 'Laotian Kip', '₭'],
  ['LBP', 'Lebanese Pound', 'ل.ل'],
  ['LKR', 'Sri Lankan Rupee', 'Rs'],
  ['LRD', 'Liberian Dollar', 'L$'],
  ['LSL', 'Lesotho Loti', 'L'],
  ['LYD', 'Libyan Dinar', 'ل.د'],
  ['MAD', 'Moroccan Dirham', 'د.م.'],
  ['MDL', 'Moldovan Leu', 'L'],
  ['MGA', 'Malagasy Ariary', 'Ar'],
  ['MKD', 'Macedonian Denar', 'ден'],
  ['MMK', 'Myanmar Kyat', 'K'],
  ['MNT', 'Mongolian Tugrik', '₮'],
  ['MOP', 'Macanese Pataca', 'MOP$'],
  ['MRU', 'Mauritanian Ouguiya', 'UM'],
  ['MUR', 'Mauritian Rupee', '₨'],
  ['MVR', 'Maldivian Rufiyaa', 'Rf'],
  ['MWK', 'Malawian Kwacha', 'MK'],
  ['MXN', 'Mexican Peso', '$'],
  ['MYR', 'Malaysian Ringgit', 'RM'],
  ['MZN', 'Mozambican Metical', 'MT'],
  ['NAD', 'Namibian Dollar', 'N$'],
  ['NGN', 'Nigerian Naira', '₦'],
  ['NIO', 'Nicaraguan Córdoba', 'C$'],
  ['NOK', 'Norwegian Krone', 'kr'],
  ['NPR', 'Nepalese Rupee', 'रू'],
  ['NZD', 'New Zealand Dollar', 'NZ$'],
  ['OMR', 'Omani Rial', 'ر.ع.'],
  ['PAB', 'Panamanian Balboa', 'B/.'],
  ['PEN', 'Peruvian Sol', 'S/'],
  ['PGK', 'Papua New Guinean Kina', 'K'],
  ['PHP', 'Philippine Peso', '₱'],
  ['PKR', 'Pakistani Rupee', '₨'],
  ['PLN', 'Polish Zloty', 'zł'],
  ['PYG', 'Paraguayan Guarani', '₲'],
  ['QAR', 'Qatari Rial', 'ر.ق'],
  ['RON', 'Romanian Leu', 'lei'],
  ['RSD', 'Serbian Dinar', 'дин.'],
  ['RWF', 'Rwandan Franc', 'FRw'],
  ['SAR', 'Saudi Riyal', 'ر.س'],
  ['SBD', 'Solomon Islands Dollar', 'SI$'],
  ['SCR', 'Seychellois Rupee', '₨'],
  ['SDG', 'Sudanese Pound', 'ج.س.'],
  ['SEK', 'Swedish Krona', 'kr'],
  ['SGD', 'Singapore Dollar', 'S$'],
  ['SHP', 'Saint Helena Pound', '£'],
  ['SLE', 'Sierra Leonean Leone', 'Le'],
  ['SOS', 'Somali Shilling', 'Sh.So.'],
  ['SRD', 'Surinamese Dollar', '$'],
  ['SSP', 'South Sudanese Pound', 'SSP'],
  ['STN', 'São Tomé and Príncipe Dobra', 'Db'],
  ['SYP', 'Syrian Pound', 'LS'],
  ['SZL', 'Swazi Lilangeni', 'E'],
  ['THB', 'Thai Baht', '฿'],
  ['TJS', 'Tajikistani Somoni', 'SM'],
  ['TMT', 'Turkmenistani Manat', 'm'],
  ['TND', 'Tunisian Dinar', 'د.ت'],
  ['TOP', 'Tongan Paʻanga', 'T$'],
  ['TRY', 'Turkish Lira', '₺'],
  ['TTD', 'Trinidad and Tobago Dollar', 'TT$'],
  ['TWD', 'New Taiwan Dollar', 'NT$'],
  ['TZS', 'Tanzanian Shilling', 'TSh'],
  ['UAH', 'Ukrainian Hryvnia', '₴'],
  ['UGX', 'Ugandan Shilling', 'USh'],
  ['UYU', 'Uruguayan Peso', '$U'],
  ['UZS', 'Uzbekistani Som', 'soʻm'],
  ['VES', 'Venezuelan Bolívar', 'Bs.S'],
  ['VND', 'Vietnamese Dong', '₫'],
  ['VUV', 'Vanuatu Vatu', 'VT'],
  ['WST', 'Samoan Tala', 'WS$'],
  ['XAF', 'Central African CFA Franc', 'FCFA'],
  ['XCD', 'East Caribbean Dollar', 'EC$'],
  ['XOF', 'West African CFA Franc', 'CFA'],
  ['XPF', 'CFP Franc', '₣'],
  ['YER', 'Yemeni Rial', '﷼'],
  ['ZMW', 'Zambian Kwacha', 'ZK'],
  ['ZWL', 'Zimbabwean Dollar', 'Z$'],
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const currencyRows = CURRENCIES.map(
  ([iso, name, symbol], index) => `  (${index + 1}, ${quote(iso)}, ${quote(name)}, ${quote(symbol)})`,
).join(',\n');

export const sql = `
-- Currencies are global reference data (debts, gifts and the user's preferences refer to them).
CREATE TABLE currencies (
  id INTEGER PRIMARY KEY,
  iso TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  symbol TEXT NOT NULL
);
-- The user's preferred currency (debts and gifts format amounts with it); NULL means US dollars.
ALTER TABLE users ADD COLUMN currency_id INTEGER REFERENCES currencies(id) ON DELETE SET NULL;

INSERT INTO currencies (id, iso, name, symbol) VALUES
${currencyRows};

-- Postal addresses of contacts. country is the ISO 3166-1 alpha-2 code of a country of server/store/countries.ts
-- (or, as Monica 4.x allows, any other text of up to 3 characters, which then shows no country).
CREATE TABLE addresses (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  name TEXT,
  street TEXT,
  city TEXT,
  province TEXT,
  postal_code TEXT,
  country TEXT,
  latitude REAL,
  longitude REAL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX addresses_contact_created ON addresses(contact_id, created_at, id);
CREATE INDEX addresses_account ON addresses(account_id, id);

-- Labels of contact fields and addresses (home, work, ...). A standard label stores its key in label_i18n and is
-- shown translated; a custom label stores its text in label. Each exists once per account.
CREATE TABLE contact_field_labels (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  label_i18n TEXT,
  label TEXT,
  created_at TEXT,
  updated_at TEXT,
  CHECK ((label_i18n IS NULL) <> (label IS NULL))
);
CREATE UNIQUE INDEX contact_field_labels_standard ON contact_field_labels(account_id, label_i18n) WHERE label_i18n IS NOT NULL;
CREATE UNIQUE INDEX contact_field_labels_custom ON contact_field_labels(account_id, label) WHERE label IS NOT NULL;

CREATE TABLE contact_field_contact_field_label (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  contact_field_id INTEGER NOT NULL REFERENCES contact_fields(id) ON DELETE CASCADE,
  contact_field_label_id INTEGER NOT NULL REFERENCES contact_field_labels(id) ON DELETE CASCADE,
  PRIMARY KEY (contact_field_id, contact_field_label_id)
);
CREATE INDEX contact_field_contact_field_label_label ON contact_field_contact_field_label(contact_field_label_id);

CREATE TABLE address_contact_field_label (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  address_id INTEGER NOT NULL REFERENCES addresses(id) ON DELETE CASCADE,
  contact_field_label_id INTEGER NOT NULL REFERENCES contact_field_labels(id) ON DELETE CASCADE,
  PRIMARY KEY (address_id, contact_field_label_id)
);
CREATE INDEX address_contact_field_label_label ON address_contact_field_label(contact_field_label_id);

-- The lists of contact fields (per contact) and contact field types (per account) go oldest first.
CREATE INDEX contact_fields_contact_created ON contact_fields(contact_id, created_at, id);
CREATE INDEX contact_fields_type ON contact_fields(contact_field_type_id);
CREATE INDEX contact_field_types_account_created ON contact_field_types(account_id, created_at, id);
`;

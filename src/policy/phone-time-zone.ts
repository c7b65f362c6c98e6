/**
 * Calling codes of countries that keep one time zone, longest first when matched. Countries that
 * span several zones (+1, +7, +55, +61, +52, ...) are left out on purpose: guessing one zone for
 * them would tell customers a wrong time, and UTC alone is honest.
 */
const SINGLE_ZONE_COUNTRIES: Record<string, string> = {
  '44': 'Europe/London',
  '353': 'Europe/Dublin',
  '33': 'Europe/Paris',
  '49': 'Europe/Berlin',
  '34': 'Europe/Madrid',
  '39': 'Europe/Rome',
  '31': 'Europe/Amsterdam',
  '32': 'Europe/Brussels',
  '41': 'Europe/Zurich',
  '43': 'Europe/Vienna',
  '48': 'Europe/Warsaw',
  '420': 'Europe/Prague',
  '36': 'Europe/Budapest',
  '40': 'Europe/Bucharest',
  '46': 'Europe/Stockholm',
  '47': 'Europe/Oslo',
  '45': 'Europe/Copenhagen',
  '358': 'Europe/Helsinki',
  '351': 'Europe/Lisbon',
  '30': 'Europe/Athens',
  '90': 'Europe/Istanbul',
  '380': 'Europe/Kyiv',
  '972': 'Asia/Jerusalem',
  '971': 'Asia/Dubai',
  '966': 'Asia/Riyadh',
  '91': 'Asia/Kolkata',
  '92': 'Asia/Karachi',
  '880': 'Asia/Dhaka',
  '65': 'Asia/Singapore',
  '60': 'Asia/Kuala_Lumpur',
  '63': 'Asia/Manila',
  '66': 'Asia/Bangkok',
  '84': 'Asia/Ho_Chi_Minh',
  '86': 'Asia/Shanghai',
  '852': 'Asia/Hong_Kong',
  '81': 'Asia/Tokyo',
  '82': 'Asia/Seoul',
  '27': 'Africa/Johannesburg',
  '234': 'Africa/Lagos',
  '254': 'Africa/Nairobi',
  '20': 'Africa/Cairo',
  '64': 'Pacific/Auckland',
};

/** The time zone of an E.164 number's country, when that country has only one; else undefined. */
export function timeZoneForPhone(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/[^\d+]/g, '');
  if (!digits?.startsWith('+')) return undefined;
  for (const length of [3, 2]) {
    const zone = SINGLE_ZONE_COUNTRIES[digits.slice(1, 1 + length)];
    if (zone) return zone;
  }
  return undefined;
}

// The console's entry: defines <mais-console>, which the API's /admin page holds.
import './app/mais-console.ts';
